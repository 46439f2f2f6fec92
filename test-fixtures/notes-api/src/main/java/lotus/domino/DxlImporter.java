package lotus.domino;

/**
 * Stand-in for lotus.domino.DxlImporter (new with Release 6.5): converts DXL into notes of a database.
 * Constants carry the real API's values.
 */
public interface DxlImporter extends Base {
    int DXLIMPORTOPTION_IGNORE = 1;
    int DXLIMPORTOPTION_CREATE = 2;
    int DXLIMPORTOPTION_REPLACE_ELSE_IGNORE = 5;
    int DXLIMPORTOPTION_REPLACE_ELSE_CREATE = 6;
    int DXLIMPORTOPTION_UPDATE_ELSE_IGNORE = 9;
    int DXLIMPORTOPTION_UPDATE_ELSE_CREATE = 10;

    int DXLLOGOPTION_IGNORE = 1;
    int DXLLOGOPTION_WARNING = 2;
    int DXLLOGOPTION_ERROR = 3;
    int DXLLOGOPTION_FATALERROR = 4;

    int DXLVALIDATIONOPTION_VALIDATE_NEVER = 0;
    int DXLVALIDATIONOPTION_VALIDATE_ALWAYS = 1;
    int DXLVALIDATIONOPTION_VALIDATE_AUTO = 2;

    void importDxl(String dxl, Database database) throws NotesException;

    void importDxl(RichTextItem rtitem, Database database) throws NotesException;

    String getFirstImportedNoteID() throws NotesException;

    String getNextImportedNoteID(String noteid) throws NotesException;

    int getImportedNoteCount() throws NotesException;

    /** The importer's XML log of warnings and errors. */
    String getLog() throws NotesException;

    String getLogComment() throws NotesException;

    void setLogComment(String comment) throws NotesException;

    int getAclImportOption() throws NotesException;

    void setAclImportOption(int option) throws NotesException;

    int getDesignImportOption() throws NotesException;

    void setDesignImportOption(int option) throws NotesException;

    int getDocumentImportOption() throws NotesException;

    void setDocumentImportOption(int option) throws NotesException;

    boolean getExitOnFirstFatalError() throws NotesException;

    void setExitOnFirstFatalError(boolean flag) throws NotesException;

    int getInputValidationOption() throws NotesException;

    void setInputValidationOption(int option) throws NotesException;

    boolean getReplaceDbProperties() throws NotesException;

    void setReplaceDbProperties(boolean flag) throws NotesException;

    /** True (the default): a design element is replaced only when the DXL comes from a replica. */
    boolean getReplicaRequiredForReplaceOrUpdate() throws NotesException;

    void setReplicaRequiredForReplaceOrUpdate(boolean flag) throws NotesException;

    int getUnknownTokenLogOption() throws NotesException;

    void setUnknownTokenLogOption(int option) throws NotesException;
}
