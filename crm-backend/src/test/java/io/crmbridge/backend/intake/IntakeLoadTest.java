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
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> awaitQuiet(Duration.ofMinutes(10)));

        worker.get(30, TimeUnit.SECONDS);
        assertThat(worker).isDone();
    }

    @Test
    void aWorkerWaitsForABatchBeingTakenAndGoesOnWhenItIsDone() throws Exception {
        load.begin();
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> awaitQuiet(Duration.ofMinutes(10)));
        Thread.sleep(100);
        assertThat(worker).as("still waiting while a batch is being taken").isNotDone();

        load.end();

        worker.get(30, TimeUnit.SECONDS);
        assertThat(worker).isDone();
    }

    @Test
    void aWorkerWaitsNoLongerThanItsLimitUnderASteadyStream() throws Exception {
        load.begin();
        long start = System.nanoTime();

        load.awaitQuiet(Duration.ofMillis(200));

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        load.end();
    }

    private void awaitQuiet(Duration atMost) {
        try {
            load.awaitQuiet(atMost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
