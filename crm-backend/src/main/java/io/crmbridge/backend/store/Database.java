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

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The connection pool, the Jdbi handle factory and the migrated schema of one store (H2 or PostgreSQL),
 * and the one place that knows how to make a commit durable on each.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Vendor vendor;
    private final Clock clock;
    private volatile boolean syncRefused;

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
                    .placeholders(Map.of("clob", vendor == Vendor.H2 ? "CLOB" : "TEXT"))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new BackendException(BackendException.UNAVAILABLE,
                    "cannot migrate the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        Database db = new Database(pool, vendor, Clock.systemUTC());
        if (vendor == Vendor.H2) {
            db.requireImmediateCommitWrites();
        }
        LOG.info("Store ready: {} at {}", vendor.productName(), redact(jdbcUrl));
        return db;
    }

    /*
     * H2 2.x (MVStore) keeps committed changes in memory and writes them from a background thread every
     * WRITE_DELAY ms (500 by default): a process killed within that window loses commits it already
     * acknowledged. With WRITE_DELAY 0, TransactionStore.endTransaction calls MVStore.commit() for every
     * transaction that changed something, which writes the chunk to the file before COMMIT returns. The
     * setting is persistent and per database, so any H2 URL gets it, not only the embedded default.
     */
    private void requireImmediateCommitWrites() {
        try (Handle h = jdbi.open()) {
            // H2 lists the setting twice once it has been SET (the stored value and the live one)
            List<String> delays = h.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .mapTo(String.class).list();
            if (delays.isEmpty() || !delays.stream().allMatch("0"::equals)) {
                h.execute("SET WRITE_DELAY 0");
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot set WRITE_DELAY 0 on the H2 database (the user needs admin rights); commits may be lost "
                    + "if the process is killed: {}", e.getMessage());
        }
    }

    /**
     * Forces what has been committed onto the disk, for the operations whose answer promises durability.
     * On H2 a commit reaches the operating system (see above) but is not fsync'ed, so it survives the
     * process being killed but not a power cut; {@code CHECKPOINT SYNC} flushes the store and calls
     * {@code FileChannel.force}. PostgreSQL flushes its WAL on commit already (synchronous_commit).
     */
    public void syncToDisk() {
        if (vendor != Vendor.H2 || syncRefused) {
            return;
        }
        try (Handle h = jdbi.open()) {
            h.execute("CHECKPOINT SYNC");
        } catch (RuntimeException e) {
            syncRefused = true;
            LOG.warn("CHECKPOINT SYNC refused by H2 (the user needs admin rights); commits survive a killed process "
                    + "but not a power cut: {}", e.getMessage());
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
