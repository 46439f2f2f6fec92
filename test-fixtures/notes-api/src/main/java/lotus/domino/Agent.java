package lotus.domino;

/** Stand-in for lotus.domino.Agent: the agent's own design note. */
public interface Agent extends Base {
    String getName() throws NotesException;

    String getCommonOwner() throws NotesException;

    DateTime getLastRun() throws NotesException;

    boolean isEnabled() throws NotesException;

    Database getParent() throws NotesException;

    /** Permanently deletes the agent from its database. */
    void remove() throws NotesException;
}
