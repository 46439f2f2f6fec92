package lotus.domino;

import java.util.Vector;

/** Stand-in for lotus.domino.Session: the root of every Domino object an agent touches. */
public interface Session extends Base {
    AgentContext getAgentContext() throws NotesException;

    Database getDatabase(String server, String db) throws NotesException;

    Database getDatabase(String server, String db, boolean createOnFail) throws NotesException;

    /** Reads a notes.ini variable; with isSystem true the name is used as is (no "$" prefix). */
    String getEnvironmentString(String vname, boolean isSystem) throws NotesException;

    String getEnvironmentString(String vname) throws NotesException;

    Object getEnvironmentValue(String vname, boolean isSystem) throws NotesException;

    Object getEnvironmentValue(String vname) throws NotesException;

    Name createName(String name) throws NotesException;

    Name createName(String name, String lang) throws NotesException;

    DateTime createDateTime(java.util.Date date) throws NotesException;

    DateTime createDateTime(String date) throws NotesException;

    DateTime createDateTime(java.util.Calendar date) throws NotesException;

    Vector evaluate(String formula) throws NotesException;

    Vector evaluate(String formula, Base doc) throws NotesException;

    /** When true (the default), Domino converts MIME items to rich text on access. */
    void setConvertMime(boolean flag) throws NotesException;

    boolean isConvertMime() throws NotesException;

    String getUserName() throws NotesException;

    String getEffectiveUserName() throws NotesException;

    String getServerName() throws NotesException;

    String getNotesVersion() throws NotesException;

    String getPlatform() throws NotesException;

    boolean isOnServer() throws NotesException;

    boolean isValid();

    /** A DXL importer (new with Release 6.5). */
    DxlImporter createDxlImporter() throws NotesException;
}
