package io.crmbridge.agent.core.log;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Where the agent tells the administrator what it did: one line per event, prefixed so it can be
 * found in the Domino console and log.nsf. Never passwords, never mail bodies.
 */
public abstract class AgentLog {

    public abstract void info(String message);

    public abstract void warn(String message);

    public abstract void error(String message, Throwable cause);

    /** Writes to a PrintWriter, e.g. {@code AgentBase.getAgentOutput()}, or to standard output. */
    public static AgentLog to(final PrintWriter out) {
        return new AgentLog() {
            @Override
            public void info(String message) {
                line("INFO", message, null);
            }

            @Override
            public void warn(String message) {
                line("WARN", message, null);
            }

            @Override
            public void error(String message, Throwable cause) {
                line("ERROR", message, cause);
            }

            private synchronized void line(String level, String message, Throwable cause) {
                String why = cause == null ? "" : " (" + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
                out.println("CRM Bridge " + level + " " + message + why);
                out.flush();
            }
        };
    }

    public static AgentLog to(PrintStream out) {
        return to(new PrintWriter(out, true));
    }
}
