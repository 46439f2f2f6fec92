package io.crmbridge.backend.intake;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeLoadTest {
    private final IntakeLoad load = new IntakeLoad();

    @Test
    void quietIntakeLetsAWorkerGoOnAtOnce() throws Exception {
        CompletableFuture<Boolean> worker = CompletableFuture.supplyAsync(() -> awaitQuiet(Duration.ofMinutes(10)));

        assertThat(worker.get(30, TimeUnit.SECONDS)).as("quiet").isTrue();
    }

    @Test
    void aWorkerWaitsForABatchBeingTakenAndGoesOnWhenItIsDone() throws Exception {
        load.begin();
        CompletableFuture<Boolean> worker = CompletableFuture.supplyAsync(() -> awaitQuiet(Duration.ofMinutes(10)));
        Thread.sleep(100);
        assertThat(worker).as("still waiting while a batch is being taken").isNotDone();

        load.end();

        assertThat(worker.get(30, TimeUnit.SECONDS)).as("quiet").isTrue();
    }

    @Test
    void aWorkerWaitsNoLongerThanItsLimitUnderASteadyStream() throws Exception {
        load.begin();
        long start = System.nanoTime();

        boolean quiet = load.awaitQuiet(Duration.ofMillis(200));

        assertThat(quiet).as("gave up waiting").isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        load.end();
    }

    private boolean awaitQuiet(Duration atMost) {
        try {
            return load.awaitQuiet(atMost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
