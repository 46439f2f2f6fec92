package io.crmbridge.backend.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupSyncTest {
    private final GroupSync sync = new GroupSync();
    private final AtomicInteger syncs = new AtomicInteger();

    @Test
    void callersOneAfterAnotherEachGetASyncOfTheirOwn() {
        sync.awaitSync(syncs::incrementAndGet);
        sync.awaitSync(syncs::incrementAndGet);

        assertThat(syncs).hasValue(2);
    }

    @Test
    void callersWaitingWhileASyncRunsShareTheNextOne() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> sync.awaitSync(() -> {
                    if (syncs.incrementAndGet() == 1) {
                        // the first sync lasts until everyone has asked, so none of them is covered by it
                        while (sync.requests() < callers) {
                            Thread.onSpinWait();
                        }
                    }
                })));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(syncs).as("the first caller's sync, then one for the seven that asked during it").hasValue(2);
    }

    @Test
    void aSyncThatFailsCoversNoOne() throws IOException {
        assertThatThrownBy(() -> sync.awaitSync(() -> {
            throw new IOException("disk full");
        })).hasMessage("disk full");

        sync.awaitSync(syncs::incrementAndGet);

        assertThat(syncs).hasValue(1);
    }
}
