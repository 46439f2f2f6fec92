package io.crmbridge.backend.exchange.sync;

import static io.crmbridge.backend.exchange.sync.SyncFixture.AYSE;
import static io.crmbridge.backend.exchange.sync.SyncFixture.JDOE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.fixtures.exchange.Fault;
import io.crmbridge.fixtures.exchange.InjectedFault;
import io.crmbridge.fixtures.exchange.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With 503s and dropped connections injected, a sync still applies every change exactly once. */
class ContactSyncFaultTest {

    private static final int CONTACTS = 300;

    @TempDir
    Path dir;
    private SyncFixture fx;

    @BeforeEach
    void start() {
        fx = new SyncFixture(dir);
        IntStream.rangeClosed(1, CONTACTS).forEach(n -> fx.crm.put(TestContacts.id(n), TestContacts.person(n)));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void everyChangeIsAppliedOnceDespiteUnavailableServersAndDroppedConnections() {
        InjectedFault busy = fx.exchange.inject(Fault.unavailable(Duration.ofSeconds(1)).onMethod("PROPPATCH")
                .everyNth(50).times(3));
        InjectedFault lost = fx.exchange.inject(Fault.drop().onMethod("PROPPATCH").everyNth(11).times(20));
        InjectedFault unanswered = fx.exchange.inject(Fault.dropAfterApplying().onMethod("PROPPATCH")
                .everyNth(13).times(20));

        SyncSummary summary = fx.fullSync();

        assertThat(busy.fired()).isEqualTo(3);
        assertThat(lost.fired()).isEqualTo(20);
        assertThat(unanswered.fired()).isEqualTo(20);
        assertThat(summary).isEqualTo(new SyncSummary(2 * CONTACTS, 0, 0, 0, 0, 0, 0));
        for (MailboxTarget target : List.of(JDOE, AYSE)) {
            assertThat(fx.items(target)).hasSize(CONTACTS);
            IntStream.rangeClosed(1, CONTACTS).forEach(n -> assertThat(fx.item(target, TestContacts.id(n))
                    .orElseThrow().contact("sn")).contains("Sur" + n));
        }
        Map<String, Long> applied = fx.exchange.requests(r -> r.method().equals("PROPPATCH") && r.applied()).stream()
                .collect(Collectors.groupingBy(RecordedRequest::path, Collectors.counting()));
        assertThat(applied).hasSize(2 * CONTACTS);
        assertThat(applied.values()).containsOnly(1L);
        assertThat(fx.sync.status(java.util.Optional.empty()).problems()).isEmpty();
    }

    @Test
    void updatesToo() {
        fx.fullSync();
        IntStream.rangeClosed(1, 40).forEach(n -> fx.crm.put(TestContacts.id(n),
                TestContacts.person(n + 1000)));
        fx.exchange.clearRequests();
        fx.exchange.inject(Fault.drop().everyNth(7).times(10));
        fx.exchange.inject(Fault.dropAfterApplying().onMethod("PROPPATCH").everyNth(5).times(10));

        SyncSummary summary = fx.fullSync();

        assertThat(summary.updated()).isEqualTo(80);
        assertThat(summary.conflicts()).as("a lost answer is not taken for an Outlook edit").isZero();
        assertThat(summary.failed() + summary.pending()).isZero();
        IntStream.rangeClosed(1, 40).forEach(n -> assertThat(fx.item(AYSE, TestContacts.id(n)).orElseThrow()
                .contact("sn")).contains("Sur" + (n + 1000)));
        Map<String, Long> applied = fx.exchange.requests(r -> r.method().equals("PROPPATCH") && r.applied()).stream()
                .collect(Collectors.groupingBy(RecordedRequest::path, Collectors.counting()));
        assertThat(applied).hasSize(80);
        assertThat(applied.values()).containsOnly(1L);
    }
}
