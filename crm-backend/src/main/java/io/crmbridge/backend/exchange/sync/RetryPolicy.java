package io.crmbridge.backend.exchange.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed push again: after the server's {@code Retry-After} when it sent one, else
 * exponentially from {@code base} up to {@code max} with some jitter; after {@code maxAttempts}
 * failures the work is marked failed (a full sync queues it again).
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(15), 10);

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry needs 0 < base <= max and at least one attempt");
        }
    }

    /** The wait before attempt {@code failures + 1}, given how many attempts failed so far (from 1). */
    Duration delay(int failures, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        int shift = Math.min(failures - 1, 30);
        long millis = Math.min(max.toMillis(), base.toMillis() << Math.max(shift, 0));
        // ±20 %, so that work that failed together does not come back together
        long jitter = millis / 5;
        return Duration.ofMillis(millis - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1));
    }
}
