package io.crmbridge.backend.sending;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How CRM-originated mail reaches the SMTP server (Domino's SMTP listener in production). TLS certificates
 * are always verified, against the JVM's trust store or {@code trustStore} when given; there is no
 * "trust all".
 *
 * @param host               the SMTP server
 * @param port               its port (25 or 587 usually)
 * @param startTls           upgrade the connection with STARTTLS, and refuse to go on without it
 * @param implicitTls        speak TLS from the first byte (SMTPS, port 465 usually) instead of STARTTLS
 * @param user               the SMTP user; "" to send without authentication
 * @param password           the SMTP password; never shown by {@link #toString()}
 * @param timeout            the limit for connecting, and for each read and write
 * @param trustStore         a PKCS#12 or JKS trust store to verify the server's certificate against instead of the JVM's
 * @param trustStorePassword the trust store's password ("" for none); never shown
 */
public record SmtpSettings(String host, int port, boolean startTls, String user, String password, Duration timeout,
                           boolean implicitTls, Optional<Path> trustStore, String trustStorePassword) {

    /** The timeout when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the SMTP host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be 1 to 65535, was " + port);
        }
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
        timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the SMTP timeout must be positive, was " + timeout);
        }
        if (startTls && implicitTls) {
            throw new IllegalArgumentException("STARTTLS and implicit TLS exclude each other");
        }
        trustStore = Objects.requireNonNullElse(trustStore, Optional.empty());
        trustStorePassword = Objects.requireNonNullElse(trustStorePassword, "");
    }

    /** Settings that verify TLS against the JVM's trust store. */
    public SmtpSettings(String host, int port, boolean startTls, String user, String password, Duration timeout) {
        this(host, port, startTls, user, password, timeout, false, Optional.empty(), "");
    }

    /** The same settings verifying the server against {@code store} (PKCS#12 or JKS). */
    public SmtpSettings withTrustStore(Path store, String storePassword) {
        return new SmtpSettings(host, port, startTls, user, password, timeout, implicitTls, Optional.of(store), storePassword);
    }

    /** The same settings speaking TLS from the first byte (SMTPS) instead of STARTTLS. */
    public SmtpSettings withImplicitTls() {
        return new SmtpSettings(host, port, false, user, password, timeout, true, trustStore, trustStorePassword);
    }

    /** Whether the connection is encrypted (STARTTLS or implicit TLS). */
    public boolean tls() {
        return startTls || implicitTls;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", implicitTls=" + implicitTls
                + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "****") + ", timeout=" + timeout + ", trustStore="
                + trustStore.map(Path::toString).orElse("") + "]";
    }
}
