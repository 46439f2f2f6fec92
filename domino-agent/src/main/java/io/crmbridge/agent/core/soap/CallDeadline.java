package io.crmbridge.agent.core.soap;

import java.net.HttpURLConnection;
import java.util.concurrent.TimeUnit;

/**
 * Holds a call to its time limit: a watchdog thread disconnects the connection when the limit passes,
 * so a blocked connect, write or read fails at once however slowly the server trickles its answer.
 * Closing the deadline ends the watchdog, so no thread outlives the call (Domino complains about
 * agent threads still running when NotesMain returns).
 */
final class CallDeadline implements AutoCloseable {
    private static final CallDeadline NONE = new CallDeadline();

    private final Object lock = new Object();
    private final Thread watchdog;
    private boolean done;
    private volatile boolean expired;

    private CallDeadline() {
        this.watchdog = null;
    }

    private CallDeadline(final HttpURLConnection connection, final int millis) {
        this.watchdog = new Thread(new Runnable() {
            @Override
            public void run() {
                if (awaitLimit(millis)) {
                    connection.disconnect();
                }
            }
        }, "CRM Bridge call deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** A deadline for the connection, or none when millis is 0. */
    static CallDeadline start(HttpURLConnection connection, int millis) {
        return millis <= 0 ? NONE : new CallDeadline(connection, millis);
    }

    /** Whether the limit passed before the call ended (the connection was then cut). */
    boolean expired() {
        return expired;
    }

    /** True when the limit passed, false when the call ended first. */
    private boolean awaitLimit(int millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (!done) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    expired = true;
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return false;
        }
    }

    @Override
    public void close() {
        if (watchdog == null) {
            return;
        }
        synchronized (lock) {
            done = true;
            lock.notifyAll();
        }
        try {
            watchdog.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
