package lotus.domino;

/** Stand-in for lotus.domino.View: a view or a folder of a database. */
public interface View extends Base {
    String getName() throws NotesException;

    boolean isFolder() throws NotesException;

    int getEntryCount() throws NotesException;

    Document getFirstDocument() throws NotesException;

    Document getLastDocument() throws NotesException;

    Document getNextDocument(Document doc) throws NotesException;

    Document getPrevDocument(Document doc) throws NotesException;

    /** Whether the view follows database changes while it is navigated. */
    void setAutoUpdate(boolean flag) throws NotesException;

    boolean isAutoUpdate() throws NotesException;

    Database getParent() throws NotesException;
}
