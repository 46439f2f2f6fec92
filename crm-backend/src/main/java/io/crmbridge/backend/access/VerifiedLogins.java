package io.crmbridge.backend.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful password checks for a short while, so that an agent sending many batches pays for
 * PBKDF2 once, not per request. Keyed by user name and a SHA-256 of the password (never the password);
 * failures are never remembered. A user changed or removed through this process is forgotten at once;
 * through another process (the command line, another node) after at most the time to live.
 */
final class VerifiedLogins {
    private final Clock clock;
    private final Duration timeToLive;
    private final int capacity;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedLogins(Clock clock, Duration timeToLive, int capacity) {
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.capacity = capacity;
    }

    /** The user remembered for {@code login} (see {@link #key}), while its check is fresh. */
    Optional<ApiUser> lookup(String login) {
        Entry e = entries.get(login);
        if (e == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(e.expires())) {
            entries.remove(login, e);
            return Optional.empty();
        }
        return Optional.of(e.user());
    }

    void remember(String login, ApiUser user) {
        if (entries.size() >= capacity) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> now.isAfter(e.expires()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(login, new Entry(user, clock.instant().plus(timeToLive)));
    }

    void forget(String name) {
        entries.values().removeIf(e -> e.user().name().equals(name));
    }

    /** A login as remembered: the name and a SHA-256 of the password, never the password itself. */
    static String key(String name, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return name + "\u0000" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    private record Entry(ApiUser user, Instant expires) {
    }
}
