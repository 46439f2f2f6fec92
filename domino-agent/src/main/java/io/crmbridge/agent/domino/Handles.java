package io.crmbridge.agent.domino;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import lotus.domino.Base;
import lotus.domino.NotesException;

/**
 * The Domino objects obtained in one scope, recycled together (newest first) when the scope
 * closes, so "recycle what you touched" is a try-with-resources block instead of a habit:
 * <pre>
 * try (Handles h = new Handles()) {
 *     Document profile = h.hold(db.getProfileDocument("CRMBridgeSettings", null));
 *     ...
 * }
 * </pre>
 * Not for the session, the agent context or its current database: Domino owns those.
 */
public final class Handles implements AutoCloseable {
    private final Deque<Base> held = new ArrayDeque<Base>();

    /** Keeps the handle for recycling and returns it; null is passed through. */
    public <T extends Base> T hold(T handle) {
        if (handle != null) {
            held.push(handle);
        }
        return handle;
    }

    /** Keeps every Domino object among the values (e.g. the DateTimes of {@code getItemValue}). */
    public void holdAll(List<?> values) {
        for (Object value : values) {
            if (value instanceof Base) {
                held.push((Base) value);
            }
        }
    }

    @Override
    public void close() {
        while (!held.isEmpty()) {
            recycle(held.pop());
        }
    }

    /** Recycles one handle, ignoring failures: a handle that cannot be recycled is gone already. */
    public static void recycle(Base handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.recycle();
        } catch (NotesException e) {
            // nothing left to free
        }
    }
}
