package io.crmbridge.backend.store;

import org.jdbi.v3.core.Handle;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a step of a transaction under a savepoint, so that one failing statement does not doom the whole
 * transaction (PostgreSQL refuses every statement after an error until the transaction or a savepoint is
 * rolled back).
 */
public final class Savepoints {
    private static final AtomicLong NEXT = new AtomicLong();

    private Savepoints() {
    }

    /**
     * Runs {@code insert}; when it violates a unique constraint (someone else inserted the same key first),
     * rolls back to before it and answers empty. Any other failure is rolled back and thrown.
     */
    public static <T> Optional<T> insertUnlessTaken(Handle h, Supplier<T> insert) {
        try {
            return Optional.of(attempt(h, insert));
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Runs {@code step}; when it throws, rolls back to before it and throws on. */
    public static <T> T attempt(Handle h, Supplier<T> step) {
        String name = "sp" + NEXT.incrementAndGet();
        h.savepoint(name);
        T result;
        try {
            result = step.get();
        } catch (RuntimeException | Error e) {
            h.rollbackToSavepoint(name);
            throw e;
        }
        h.releaseSavepoint(name);
        return result;
    }
}
