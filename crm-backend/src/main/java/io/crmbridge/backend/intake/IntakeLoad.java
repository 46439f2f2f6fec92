package io.crmbridge.backend.intake;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Whether agents are handing over mail right now, so that recording can give way: an agent waits for each
 * answer inside Domino's time limits, while recording can as well happen a moment later. On a small machine
 * the workers otherwise take the cores (and fill H2's next commit with their pages) just when a batch waits
 * to be acknowledged.
 */
public final class IntakeLoad {
    // a batch usually follows the last one within this much; a worker starting in the gap would hold up the next
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Object lock = new Object();
    private int inFlight;
    private long lastEnd = System.nanoTime() - LINGER_NANOS;

    void begin() {
        synchronized (lock) {
            inFlight++;
        }
    }

    void end() {
        synchronized (lock) {
            inFlight--;
            lastEnd = System.nanoTime();
            lock.notifyAll();
        }
    }

    /**
     * Waits until no batch has been taken for a moment, but no longer than {@code atMost} (so recording goes on,
     * more slowly, under a steady stream of batches). Answers at once when intake is quiet; whether it was quiet
     * in the end (false: it gave up waiting).
     */
    public boolean awaitQuiet(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (lock) {
            while (true) {
                long now = System.nanoTime();
                if (inFlight == 0 && now - lastEnd >= LINGER_NANOS) {
                    return true;
                }
                if (now >= deadline) {
                    return false;
                }
                long quietAt = inFlight > 0 ? deadline : lastEnd + LINGER_NANOS;
                TimeUnit.NANOSECONDS.timedWait(lock, Math.max(1, Math.min(quietAt, deadline) - now));
            }
        }
    }
}
