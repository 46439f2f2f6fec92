package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendException;

/** The database products the store runs on, with what differs between them. */
public enum Vendor {
    H2("H2", "h2"),
    POSTGRESQL("PostgreSQL", "postgresql");

    private final String productName;
    private final String folder;

    Vendor(String productName, String folder) {
        this.productName = productName;
        this.folder = folder;
    }

    /** The product name shown by health checks. */
    public String productName() {
        return productName;
    }

    /** The migration folder with this vendor's own scripts, beside {@code db/migration/common}. */
    String folder() {
        return folder;
    }

    /** The vendor of a JDBC URL. */
    public static Vendor of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new BackendException(BackendException.INVALID_REQUEST,
                "unsupported database URL (use jdbc:h2:... or jdbc:postgresql:...): " + jdbcUrl.replaceAll("[?;].*", ""));
    }
}
