package io.crmbridge.backend.exchange.sync;

import static io.crmbridge.backend.exchange.sync.SyncFixture.AYSE;
import static io.crmbridge.backend.exchange.sync.SyncFixture.JDOE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.fixtures.exchange.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queued work outlives the process that queued it, and the claims of a node that died run out. */
class OutboxDurabilityTest {

    @TempDir
    Path dir;
    private SyncFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void workQueuedByOneInstanceIsPushedByTheNext() {
        fx = new SyncFixture(dir);
        IntStream.rangeClosed(1, 20).forEach(n -> fx.crm.put(TestContacts.id(n), TestContacts.person(n)));
        List<String> ids = IntStream.rangeClosed(1, 20).mapToObj(TestContacts::id).toList();
        assertThat(fx.sync.enqueueChanged(ids)).isEqualTo(40);
        fx.sync.close(); // never started: nothing was pushed

        try (ContactSync next = ContactSync.create(fx.db, fx.crm, settings(Duration.ofMinutes(5)))) {
            SyncSummary summary = next.syncAll(Optional.empty(), false, Duration.ofSeconds(30));

            assertThat(summary.created()).isEqualTo(40);
            assertThat(fx.items(JDOE)).hasSize(20);
        }
    }

    @Test
    void rowsClaimedByANodeThatDiedArePushedOnceTheirLeaseRunsOut() {
        fx = new SyncFixture(dir);
        IntStream.rangeClosed(1, 10).forEach(n -> fx.crm.put(TestContacts.id(n), TestContacts.person(n)));
        fx.sync.enqueueChanged(IntStream.rangeClosed(1, 10).mapToObj(TestContacts::id).toList());
        Outbox outbox = new Outbox(fx.db);
        // A node claims everything, pushes three contacts to jdoe, and dies before writing anything down.
        List<OutboxRow> claimed = fx.db.jdbi().inTransaction(h ->
                outbox.claim(h, "ex1", 100, fx.db.now(), Duration.ofMillis(300)));
        assertThat(claimed).hasSize(20);
        try (var gateway = new io.crmbridge.backend.exchange.webdav.WebDavContactGateway(
                io.crmbridge.backend.exchange.webdav.WebDavSettings.of(fx.exchange.baseUri(), SyncFixture.USER,
                        SyncFixture.PASSWORD))) {
            IntStream.rangeClosed(1, 3).forEach(n -> gateway.upsertContact(JDOE.contactFolder(),
                    new io.crmbridge.backend.exchange.ExchangeContact(TestContacts.id(n), TestContacts.person(n))));
        }
        fx.sync.close();

        try (ContactSync survivor = ContactSync.create(fx.db, fx.crm, settings(Duration.ofMinutes(5)))) {
            SyncSummary summary = survivor.syncAll(Optional.empty(), false, Duration.ofSeconds(30));

            assertThat(summary.created()).isEqualTo(20);
            assertThat(fx.items(AYSE)).hasSize(10);
            assertThat(fx.items(JDOE)).hasSize(10);
            Map<String, Long> applied = fx.exchange.requests(r -> r.method().equals("PROPPATCH") && r.applied())
                    .stream().collect(Collectors.groupingBy(RecordedRequest::path, Collectors.counting()));
            assertThat(applied).hasSize(20);
            assertThat(applied.values()).as("the dead node's pushes are found, not repeated").containsOnly(1L);
        }
    }

    private ContactSyncSettings settings(Duration lease) {
        ContactSyncSettings base = ContactSyncSettings.allContactsTo(
                Map.of("ex1", io.crmbridge.backend.exchange.webdav.WebDavSettings.of(fx.exchange.baseUri(),
                        SyncFixture.USER, SyncFixture.PASSWORD)), List.of(JDOE, AYSE));
        return new ContactSyncSettings(base.servers(), base.mode(), base.mailboxes(), base.conflictPolicy(),
                SyncFixture.FAST_RETRY, Duration.ofMillis(20), lease);
    }
}
