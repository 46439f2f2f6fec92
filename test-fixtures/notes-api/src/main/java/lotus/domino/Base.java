package lotus.domino;

import java.util.Vector;

/** Stand-in for lotus.domino.Base: every Domino object holds a native handle until recycled. */
public interface Base {
    void recycle() throws NotesException;

    void recycle(Vector objects) throws NotesException;
}
