package lotus.domino;

/** Stand-in for lotus.domino.NotesThread, the thread class that AgentBase extends. */
public class NotesThread extends Thread {
    public NotesThread() {
        super();
    }

    public NotesThread(Runnable target) {
        super(target);
    }

    public NotesThread(Runnable target, String name) {
        super(target, name);
    }

    public static void sinitThread() {
    }

    public static void stermThread() {
    }

    public void runNotes() throws NotesException {
    }
}
