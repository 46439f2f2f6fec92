package lotus.domino;

/** Stand-in for lotus.domino.DocumentCollection: an unsorted set of documents. */
public interface DocumentCollection extends Base {
    int getCount() throws NotesException;

    Document getFirstDocument() throws NotesException;

    Document getNextDocument() throws NotesException;

    Document getNextDocument(Document doc) throws NotesException;

    Document getNthDocument(int n) throws NotesException;

    Database getParent() throws NotesException;
}
