package io.crmbridge.backend.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmbridge.backend.BackendException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The connection pool, the Jdbi handle factory and the migrated schema of one store (H2 or PostgreSQL),
 * and the one place that knows how to make a commit durable on each.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String H2_OBJECT_CACHE = "h2.objectCache";

    /*
     * H2 runs every string and value it is handed or reads through a JVM-wide cache of equal values, hashing each
     * character on the way: a 2-20 KB mail body was hashed on every insert and every read, about 15 % of the recording
     * workers' CPU. The cache only saves memory on values repeated often, which mail is not. Set before H2 reads its
     * settings; -Dh2.objectCache=true on the command line still wins.
     */
    static {
        if (System.getProperty(H2_OBJECT_CACHE) == null) {
            System.setProperty(H2_OBJECT_CACHE, "false");
        }
    }

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Vendor vendor;
    private final Clock clock;
    private final GroupSync sync = new GroupSync();

    private Database(HikariDataSource pool, Vendor vendor, Clock clock) {
        this.pool = pool;
        this.vendor = vendor;
        this.clock = clock;
        this.jdbi = Jdbi.create(pool);
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        });
    }

    /** Opens a pool of at most {@code poolSize} connections on {@code jdbcUrl} and brings the schema up to date. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        Vendor vendor = Vendor.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setPoolName("crm-store");
        if (vendor == Vendor.H2) {
            // Workers recording the same message from two mailboxes wait for each other's insert; H2's
            // default of one second is too short for a batch.
            config.setConnectionInitSql("SET LOCK_TIMEOUT 10000");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new BackendException(BackendException.UNAVAILABLE,
                    "cannot open the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/common")
                    .placeholders(Map.of("clob", vendor == Vendor.H2 ? "CLOB" : "TEXT",
                            "text", vendor == Vendor.H2 ? "CHARACTER VARYING" : "TEXT",
                            "bytes", vendor == Vendor.H2 ? "BINARY VARYING" : "BYTEA",
                            "body_to_utf8", vendor == Vendor.H2 ? "" : "USING convert_to(body, 'UTF8')"))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new BackendException(BackendException.UNAVAILABLE,
                    "cannot migrate the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        Database db = new Database(pool, vendor, Clock.systemUTC());
        if (vendor == Vendor.H2) {
            db.restoreBackgroundWrites();
        }
        LOG.info("Store ready: {} at {}", vendor.productName(), redact(jdbcUrl));
        return db;
    }

    /*
     * WRITE_DELAY is stored in the database file. Files created by early builds carry WRITE_DELAY 0, under which
     * H2 2.3.232 writes a chunk per commit (the file grows by hundreds of MB) and its close-time compaction
     * fails; durability comes from syncToDisk instead, so such files get H2's default back.
     */
    private void restoreBackgroundWrites() {
        try (Handle h = jdbi.open()) {
            boolean immediate = h.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .mapTo(String.class).list().contains("0");
            if (immediate) {
                h.execute("SET WRITE_DELAY 500");
                LOG.info("H2 WRITE_DELAY was 0; set back to 500 ms (commits that are answered are forced to disk anyway)");
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot check H2's WRITE_DELAY: {}", e.getMessage());
        }
    }

    /**
     * Forces what has been committed onto the disk, for the operations whose answer promises durability
     * (intake, record changes, users): on H2 see {@link H2Durability}, with one sync for the callers that ask at
     * the same time ({@link GroupSync}); PostgreSQL has flushed its WAL on commit already (synchronous_commit,
     * unless an administrator turned it off).
     */
    public void syncToDisk() {
        if (vendor != Vendor.H2) {
            return;
        }
        try {
            sync.awaitSync(() -> {
                try (Handle h = jdbi.open()) {
                    H2Durability.flushAndSync(h.getConnection());
                }
            });
        } catch (SQLException | RuntimeException e) {
            throw new BackendException(BackendException.UNAVAILABLE, "cannot force committed changes to disk: " + e.getMessage(), e);
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1****");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The clock every timestamp of the store is taken from. */
    public Clock clock() {
        return clock;
    }

    /** The current time, truncated to what both databases keep (microseconds). */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Binds {@code Instant}s as UTC {@code OffsetDateTime}s, so no JVM time zone is ever involved. */
    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
        }
    }
}
