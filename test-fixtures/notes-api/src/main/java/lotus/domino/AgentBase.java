package lotus.domino;

import java.io.PrintWriter;

/**
 * Stand-in for lotus.domino.AgentBase, the class every Java agent extends. Domino calls
 * {@link #NotesMain()} on the agent's thread; {@link #getSession()} answers the agent's session.
 */
public class AgentBase extends NotesThread {

    public AgentBase() {
        super();
    }

    /** Domino's entry point; subclasses override it. */
    public void NotesMain() {
    }

    /** The agent's session; the stand-in has none (tests drive the plain classes behind an agent). */
    public Session getSession() {
        return null;
    }

    /** The writer whose lines go to the agent log (Domino console for server agents). */
    public PrintWriter getAgentOutput() {
        return new PrintWriter(System.out, true);
    }

    public boolean isRestricted() {
        return false;
    }

    public void setDebug(boolean debug) {
    }
}
