package lotus.domino;

/**
 * Stand-in for lotus.domino.NotesFactory, which creates sessions for stand-alone programs. The stand-in has no
 * Domino behind it: programs run with the real Notes.jar, tests hand their code a session of the in-memory Domino.
 */
public class NotesFactory {

    public NotesFactory() {
    }

    /** A local session with the ID of the Notes client or Domino server on this machine. */
    public static Session createSession() throws NotesException {
        throw new NotesException(4000, "lotus.domino stand-in: run with the real Notes.jar");
    }

    /** With host null, a local session whose ID is opened with {@code passwd}; otherwise a remote (IIOP) session. */
    public static Session createSession(String host, String user, String passwd) throws NotesException {
        throw new NotesException(4000, "lotus.domino stand-in: run with the real Notes.jar");
    }
}
