package lotus.domino;

import java.util.Vector;

/** Stand-in for lotus.domino.Form: a form design element of a database. */
public interface Form extends Base {
    String getName() throws NotesException;

    Vector getAliases() throws NotesException;

    Database getParent() throws NotesException;

    /** Permanently deletes the form from its database. */
    void remove() throws NotesException;
}
