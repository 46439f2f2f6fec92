package io.crmbridge.backend;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The stores the tests run against: embedded H2 in a temporary directory, and a fresh schema of the
 * PostgreSQL server at 127.0.0.1:5432 (database {@code test}, user {@code postgres}) when it is there.
 */
public final class TestStores {
    /** The PostgreSQL server; {@code -Dcrmbridge.test.postgres=<jdbc url>} points the tests elsewhere. */
    public static final String PG_SERVER = System.getProperty("crmbridge.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final Duration POLL = Duration.ofMillis(50);

    private TestStores() {
    }

    /** Embedded H2 under {@code dir}, no workers, a short poll interval. */
    public static BackendSettings h2(Path dir) {
        return BackendSettings.embedded(dir).withWorkers(0).withPollInterval(POLL);
    }

    /**
     * A PostgreSQL schema of its own, or, when the server cannot be reached, one that skips every test that
     * asks for its settings (each test then shows as skipped, with the reason).
     */
    public static PostgresSchema postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_SERVER + "?connectTimeout=3", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String reason = "PostgreSQL at " + PG_SERVER + " (user postgres) is not reachable, so the PostgreSQL "
                    + "variant is skipped: " + e.getMessage();
            System.err.println(reason);
            return new PostgresSchema(schema, reason);
        }
        return new PostgresSchema(schema, "");
    }

    /**
     * A schema created for one test class; {@link #close()} drops it with everything in it. Registered as a
     * static {@code @RegisterExtension} field, it is dropped after the class's last test.
     */
    public record PostgresSchema(String name, String unreachable) implements AutoCloseable, AfterAllCallback {
        public BackendSettings settings() {
            Assumptions.assumeTrue(unreachable.isEmpty(), unreachable);
            return new BackendSettings(PG_SERVER + "?currentSchema=" + name, "postgres", "", 0, POLL);
        }

        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            close();
        }

        @Override
        public void close() throws SQLException {
            if (!unreachable.isEmpty()) {
                return;
            }
            try (Connection c = DriverManager.getConnection(PG_SERVER, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }
}
