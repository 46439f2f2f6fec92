package lotus.domino;

/** Stand-in for lotus.domino.DateTime: a Notes date-time value. */
public interface DateTime extends Base {
    java.util.Date toJavaDate() throws NotesException;

    String getGMTTime() throws NotesException;

    String getLocalTime() throws NotesException;

    int getTimeZone() throws NotesException;

    boolean isDST() throws NotesException;
}
