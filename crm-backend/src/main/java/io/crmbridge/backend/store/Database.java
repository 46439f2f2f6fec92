package io.crmbridge.backend.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.crmbridge.backend.BackendException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;

/** The connection pool, the Jdbi handle factory and the migrated schema of one store (H2 or PostgreSQL). */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Vendor vendor;

    private Database(HikariDataSource pool, Vendor vendor) {
        this.pool = pool;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(pool);
    }

    /** Opens a pool on {@code jdbcUrl} and brings the schema up to date. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        Vendor vendor = Vendor.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("crm-store");
        config.setAutoCommit(true);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new BackendException(BackendException.UNAVAILABLE, "cannot open the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new BackendException(BackendException.UNAVAILABLE, "cannot migrate the database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        return new Database(pool, vendor);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1****");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Vendor vendor() {
        return vendor;
    }

    @Override
    public void close() {
        pool.close();
    }
}
