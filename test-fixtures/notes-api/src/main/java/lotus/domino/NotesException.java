package lotus.domino;

/**
 * Stand-in for lotus.domino.NotesException. The real class extends org.omg.CORBA.UserException and
 * carries its details in the public fields {@code id} and {@code text}; read those, not getMessage().
 */
public class NotesException extends Exception {
    private static final long serialVersionUID = 1L;

    public int id;
    public String text;
    public Throwable internal;

    public NotesException() {
        super();
    }

    public NotesException(int code, String msg) {
        super(msg);
        this.id = code;
        this.text = msg;
    }

    public NotesException(int code, String msg, Throwable t) {
        super(msg);
        this.id = code;
        this.text = msg;
        this.internal = t;
    }

    @Override
    public void printStackTrace() {
        super.printStackTrace();
    }
}
