package lotus.domino;

/** Stand-in for lotus.domino.Database: a Notes database (an NSF), here a mail file. */
public interface Database extends Base {
    /** sign(): sign all forms. */
    int DBSIGN_DOC_FORM = 4;
    /** sign(): sign all agents. */
    int DBSIGN_DOC_AGENT = 512;
    /** sign(): sign all design elements. */
    int DBSIGN_DOC_ALL = 32767;

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

    /** The agent of that name, or null when there is none. */
    Agent getAgent(String name) throws NotesException;

    /** The form of that name or alias, or null when there is none. */
    Form getForm(String name) throws NotesException;

    /** The template name when the database is a master template, else "". */
    String getTemplateName() throws NotesException;

    /** The name of the master template the database inherits its design from, else "". */
    String getDesignTemplateName() throws NotesException;

    /** Signs the design elements of a type with the current ID. */
    void sign(int documentType) throws NotesException;

    /** Signs one design element, named by its programmatic name or (namestrisnoteid) its note ID. */
    void sign(int documentType, boolean existingsigsonly, String namestr, boolean namestrisnoteid)
            throws NotesException;
}
