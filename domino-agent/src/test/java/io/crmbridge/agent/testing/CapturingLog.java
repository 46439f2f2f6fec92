package io.crmbridge.agent.testing;

import io.crmbridge.agent.core.log.AgentLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An agent log that keeps its lines for assertions (and echoes them to standard output). */
public final class CapturingLog extends AgentLog {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        add("WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        add("ERROR " + message + (cause == null ? "" : " (" + cause + ")"));
    }

    private void add(String line) {
        lines.add(line);
        System.out.println(line);
    }

    public List<String> lines() {
        return lines;
    }

    public String text() {
        return String.join("\n", lines);
    }
}
