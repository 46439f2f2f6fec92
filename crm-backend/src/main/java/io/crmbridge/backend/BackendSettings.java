package io.crmbridge.backend;

import io.crmbridge.backend.sending.SmtpSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the store, how many workers turn submissions into activities, how CRM mail is sent, and which
 * mail domains are the organisation's own.
 *
 * @param jdbcUrl         an H2 ({@code jdbc:h2:...}) or PostgreSQL ({@code jdbc:postgresql:...}) URL
 * @param user            the database user
 * @param password        the database password ("" for none); never shown by {@link #toString()}
 * @param workers         how many worker threads record submissions; 0 starts none (command line tools)
 * @param pollInterval    how often idle workers look for work nobody signalled (other nodes, restarts)
 * @param smtp            the SMTP server for CRM-originated mail; empty when the CRM does not send mail
 * @param internalDomains mail domains whose addresses are internal even before their mailbox submitted mail
 *                        (lower case, without {@code @}); a system user's mailbox is always internal
 */
public record BackendSettings(String jdbcUrl, String user, String password, int workers, Duration pollInterval,
                              Optional<SmtpSettings> smtp, List<String> internalDomains) {

    /** Workers when nothing else is configured. */
    public static final int DEFAULT_WORKERS = 2;
    /** Poll interval when nothing else is configured. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    public BackendSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be 0 or more, was " + workers);
        }
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
        smtp = Objects.requireNonNullElse(smtp, Optional.empty());
        internalDomains = Objects.requireNonNullElse(internalDomains, List.<String>of()).stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .map(d -> d.startsWith("@") ? d.substring(1) : d)
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
    }

    /** Settings without SMTP and without internal domains. */
    public BackendSettings(String jdbcUrl, String user, String password, int workers, Duration pollInterval) {
        this(jdbcUrl, user, password, workers, pollInterval, Optional.empty(), List.of());
    }

    /**
     * The embedded H2 database {@code crm-bridge} under {@code dataDir}, in mixed mode (AUTO_SERVER), so a
     * second process (the command line) can open the same file while the server runs.
     */
    public static BackendSettings embedded(Path dataDir) {
        return new BackendSettings(embeddedUrl(dataDir), "sa", "", DEFAULT_WORKERS, DEFAULT_POLL_INTERVAL);
    }

    // AUTO_SERVER=TRUE: the first process to open the file serves it to the others over loopback.
    // MAX_COMPACT_TIME=0: H2 2.3.232's compaction on close (compactMoveChunks) can corrupt the file
    // (h2database issues 4123, 2752); the background writer's own compaction keeps the size in check.
    // Commits are made durable where it matters by Database.syncToDisk, not by WRITE_DELAY=0.
    // QUERY_CACHE_SIZE=64: H2 keeps 8 parsed statements per connection by default, fewer than a worker uses for
    // one message, so it parsed nearly every statement again (the benchmark measured about 330 → 470 msgs/s).
    private static String embeddedUrl(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("crm-bridge");
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0;QUERY_CACHE_SIZE=64";
    }

    /** The same settings with {@code n} workers. */
    public BackendSettings withWorkers(int n) {
        return new BackendSettings(jdbcUrl, user, password, n, pollInterval, smtp, internalDomains);
    }

    /** The same settings with another poll interval. */
    public BackendSettings withPollInterval(Duration interval) {
        return new BackendSettings(jdbcUrl, user, password, workers, interval, smtp, internalDomains);
    }

    /** The same settings sending CRM mail through {@code settings}. */
    public BackendSettings withSmtp(SmtpSettings settings) {
        return new BackendSettings(jdbcUrl, user, password, workers, pollInterval, Optional.of(settings), internalDomains);
    }

    /** The same settings with these internal mail domains (e.g. {@code acme.example}). */
    public BackendSettings withInternalDomains(List<String> domains) {
        return new BackendSettings(jdbcUrl, user, password, workers, pollInterval, smtp, domains);
    }

    @Override
    public String toString() {
        return "BackendSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "****")
                + ", workers=" + workers + ", pollInterval=" + pollInterval + ", smtp=" + smtp.map(SmtpSettings::toString).orElse("none")
                + ", internalDomains=" + internalDomains + "]";
    }
}
