package io.crmbridge.backend.store;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLSTATE 23505 on H2 and PostgreSQL) anywhere in a cause chain. */
public final class UniqueViolation {
    private UniqueViolation() {
    }

    /** Whether {@code failure} was caused by inserting a key that already exists. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
