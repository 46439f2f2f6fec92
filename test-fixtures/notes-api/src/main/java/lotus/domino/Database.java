package lotus.domino;

/** Stand-in for lotus.domino.Database: a Notes database (an NSF), here a mail file. */
public interface Database extends Base {
    /** A view or folder by name or alias, e.g. "($Inbox)" or "($Sent)"; null when there is none. */
    View getView(String name) throws NotesException;

    String getReplicaID() throws NotesException;

    String getFilePath() throws NotesException;

    String getFileName() throws NotesException;

    String getTitle() throws NotesException;

    String getServer() throws NotesException;

    boolean isOpen() throws NotesException;

    Session getParent() throws NotesException;

    /** The profile document of that name (and user key, or null), created empty when absent. */
    Document getProfileDocument(String profile, String key) throws NotesException;

    Document getDocumentByUNID(String unid) throws NotesException;

    Document getDocumentByID(String noteid) throws NotesException;

    Document createDocument() throws NotesException;

    DocumentCollection getAllDocuments() throws NotesException;
}
