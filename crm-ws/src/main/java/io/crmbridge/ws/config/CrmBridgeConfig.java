package io.crmbridge.ws.config;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.sending.SmtpSettings;
import io.crmbridge.backend.exchange.sync.ContactSyncConfig;
import io.crmbridge.backend.exchange.sync.ContactSyncSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings of a CRM Bridge server: {@code crm-bridge.properties}, each key overridable by an
 * environment variable named {@code CRMBRIDGE_} + the key in upper case with dots and dashes as
 * underscores (e.g. {@code server.port} → {@code CRMBRIDGE_SERVER_PORT}). Every key is listed in
 * {@link ConfigKey}.
 */
public final class CrmBridgeConfig {
    private final Properties file;
    private final Map<String, String> environment;
    private final String source;

    private CrmBridgeConfig(Properties file, Map<String, String> environment, String source) {
        this.file = file;
        this.environment = environment;
        this.source = source;
    }

    /**
     * Reads the given file, or {@code ./crm-bridge.properties} when none is given and it exists,
     * else defaults only; environment variables override either.
     */
    public static CrmBridgeConfig load(Optional<Path> configFile, Map<String, String> environment) {
        Properties props = new Properties();
        Path path = configFile.orElse(Path.of("crm-bridge.properties"));
        boolean explicit = configFile.isPresent();
        if (Files.isRegularFile(path)) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("cannot read configuration file " + path + ": " + e.getMessage());
            }
            return new CrmBridgeConfig(props, environment, path.toAbsolutePath().toString());
        }
        if (explicit) {
            throw new ConfigException("configuration file not found: " + path);
        }
        return new CrmBridgeConfig(props, environment, "defaults");
    }

    public static CrmBridgeConfig defaults() {
        return new CrmBridgeConfig(new Properties(), Map.of(), "defaults");
    }

    /** Where the settings came from, for the start-up log line. */
    public String source() {
        return source;
    }

    public String text(ConfigKey key) {
        String env = environment.get(key.environmentVariable());
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        String value = file.getProperty(key.key());
        return value == null || value.isBlank() ? key.defaultValue() : value.trim();
    }

    /**
     * Contact sync to Exchange; empty when no mailbox is configured. Its keys ({@code exchange.*}) are
     * many and per server and mailbox, so they are listed in {@link ContactSyncConfig}, not in {@link ConfigKey};
     * environment variables override them the same way.
     */
    public Optional<ContactSyncSettings> contactSync() {
        try {
            return ContactSyncConfig.read(this::raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** A key's value from the environment or the file, "" when it is set in neither. */
    private String raw(String key) {
        String env = environment.get("CRMBRIDGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        String value = file.getProperty(key);
        return value == null ? "" : value.trim();
    }

    public int number(ConfigKey key, int min, int max) {
        String value = text(key);
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new ConfigException(key.key() + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key.key() + " must be a whole number, not '" + value + "'");
        }
    }

    public Optional<String> optional(ConfigKey key) {
        String value = text(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The data directory of the embedded database. */
    public Path dataDir() {
        return Path.of(text(ConfigKey.DATA_DIR));
    }

    /** The database the backend uses: the configured JDBC URL, else embedded H2 under the data directory. */
    public BackendSettings backend() {
        int workers = number(ConfigKey.WORKERS, 0, 64);
        Duration poll = Duration.ofMillis(number(ConfigKey.WORKER_POLL_MILLIS, 10, 600_000));
        BackendSettings store = optional(ConfigKey.DATABASE_URL)
                .map(url -> new BackendSettings(url, text(ConfigKey.DATABASE_USER), text(ConfigKey.DATABASE_PASSWORD), workers, poll))
                .orElseGet(() -> BackendSettings.embedded(dataDir()).withWorkers(workers).withPollInterval(poll));
        List<String> internal = Arrays.stream(text(ConfigKey.INTERNAL_DOMAINS).split(","))
                .map(String::trim).filter(d -> !d.isEmpty()).toList();
        BackendSettings withDomains = internal.isEmpty() ? store : store.withInternalDomains(internal);
        return smtp().map(withDomains::withSmtp).orElse(withDomains);
    }

    /** The SMTP server for SendMail, when one is configured. */
    public Optional<SmtpSettings> smtp() {
        return optional(ConfigKey.SMTP_HOST).map(host -> new SmtpSettings(host, number(ConfigKey.SMTP_PORT, 1, 65535),
                bool(ConfigKey.SMTP_STARTTLS), text(ConfigKey.SMTP_USER), text(ConfigKey.SMTP_PASSWORD),
                Duration.ofSeconds(number(ConfigKey.SMTP_TIMEOUT_SECONDS, 1, 600))))
                .map(smtp -> optional(ConfigKey.SMTP_TRUSTSTORE)
                        .map(store -> smtp.withTrustStore(Path.of(store), text(ConfigKey.SMTP_TRUSTSTORE_PASSWORD)))
                        .orElse(smtp));
    }

    public boolean bool(ConfigKey key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(key.key() + " must be true or false, not '" + text(key) + "'");
        };
    }

    /** The same settings with one key replaced (command-line options win over file and environment). */
    public CrmBridgeConfig with(ConfigKey key, String value) {
        Properties copy = new Properties();
        copy.putAll(file);
        copy.setProperty(key.key(), value);
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.remove(key.environmentVariable());
        return new CrmBridgeConfig(copy, env, source);
    }

    /** Every setting with its documented default. */
    public enum ConfigKey {
        SERVER_HOST("server.host", "0.0.0.0", "Address to listen on."),
        SERVER_PORT("server.port", "8080", "HTTP(S) port."),
        TLS_KEYSTORE("server.tls.keystore", "", "PKCS12 or JKS key store with the server certificate; enables HTTPS."),
        TLS_KEYSTORE_PASSWORD("server.tls.keystore-password", "", "Password of the key store."),
        TLS_KEYSTORE_TYPE("server.tls.keystore-type", "PKCS12", "PKCS12 or JKS."),
        DATA_DIR("data.dir", "./data", "Directory of the embedded H2 database."),
        DATABASE_URL("database.url", "", "JDBC URL of the store, e.g. jdbc:postgresql://db:5432/crm; empty = embedded H2 in data.dir."),
        DATABASE_USER("database.user", "", "Database user."),
        DATABASE_PASSWORD("database.password", "", "Database password."),
        WORKERS("workers", "2", "Threads that turn submissions into activities (0 = this node only accepts)."),
        WORKER_POLL_MILLIS("workers.poll-millis", "1000", "How often idle workers look for work committed by other nodes."),
        MAX_BATCH("mail.max-batch", "1000", "Most messages one SubmitMail call may carry."),
        SMTP_HOST("smtp.host", "", "SMTP server for mail sent from the CRM (SendMail), e.g. Domino's SMTP listener; empty = SendMail unavailable."),
        SMTP_PORT("smtp.port", "587", "SMTP port."),
        SMTP_STARTTLS("smtp.starttls", "true", "Require STARTTLS (the server certificate is verified)."),
        SMTP_USER("smtp.user", "", "SMTP user, if the server wants authentication."),
        SMTP_PASSWORD("smtp.password", "", "SMTP password."),
        SMTP_TIMEOUT_SECONDS("smtp.timeout-seconds", "30", "Connect and read timeout towards the SMTP server."),
        SMTP_TRUSTSTORE("smtp.truststore", "", "Trust store (PKCS12/JKS) for an SMTP server certificate from a private CA; empty = the JVM's."),
        SMTP_TRUSTSTORE_PASSWORD("smtp.truststore-password", "", "Its password."),
        INTERNAL_DOMAINS("mail.internal-domains", "", "Comma-separated mail domains of your own organisation (besides the mailboxes CRM Bridge knows): mail among them only is not tracked unless tagged.");

        private final String key;
        private final String defaultValue;
        private final String description;

        ConfigKey(String key, String defaultValue, String description) {
            this.key = key;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        public String key() {
            return key;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String description() {
            return description;
        }

        public String environmentVariable() {
            return "CRMBRIDGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }
    }
}
