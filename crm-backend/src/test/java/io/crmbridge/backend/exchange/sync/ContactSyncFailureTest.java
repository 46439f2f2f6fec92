package io.crmbridge.backend.exchange.sync;

import static io.crmbridge.backend.exchange.sync.SyncFixture.AYSE;
import static io.crmbridge.backend.exchange.sync.SyncFixture.JDOE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import io.crmbridge.fixtures.exchange.Fault;
import io.crmbridge.fixtures.exchange.InjectedFault;
import io.crmbridge.fixtures.exchange.PropName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permanent failures are recorded with their reason, the other mailboxes carry on, and a full sync retries. */
class ContactSyncFailureTest {

    @TempDir
    Path dir;
    private SyncFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aForbiddenMailboxFailsForGoodWithItsReasonWhileTheOtherSyncs() {
        fx = new SyncFixture(dir);
        fx.crm.put("c1", TestContacts.person(1)).put("c2", TestContacts.person(2));
        InjectedFault forbidden = fx.exchange.inject(Fault.forbidden().onPathContaining("/exchange/ayşe/"));

        SyncSummary summary = fx.fullSync();

        assertThat(summary).isEqualTo(new SyncSummary(2, 0, 0, 0, 0, 2, 0));
        assertThat(forbidden.fired()).as("no retries of a 403").isEqualTo(2);
        SyncStatus status = fx.sync.status(Optional.empty());
        assertThat(status.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.mailbox()).isEqualTo("ayşe");
            assertThat(p.state()).isEqualTo("FAILED");
            assertThat(p.code()).isEqualTo("FORBIDDEN");
            assertThat(p.reason()).contains("HTTP 403");
        });
        assertThat(status.mailboxes()).extracting(SyncStatus.MailboxStatus::mailbox, SyncStatus.MailboxStatus::synced,
                SyncStatus.MailboxStatus::failed).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("jdoe", 2L, 0L), org.assertj.core.groups.Tuple.tuple("ayşe", 0L, 2L));

        forbidden.remove();
        SyncSummary retried = fx.fullSync();

        assertThat(retried.created()).isEqualTo(2);
        assertThat(retried.unchanged()).isEqualTo(2);
        assertThat(fx.items(AYSE)).hasSize(2);
        assertThat(fx.sync.status(Optional.empty()).problems()).isEmpty();
    }

    @Test
    void aMissingFolderAndARejectedPropertyAreNamedInTheStatus() {
        fx = new SyncFixture(dir, settings -> new ContactSyncSettings(settings.servers(), TargetMode.ALL,
                List.of(JDOE, new MailboxTarget("ex1", "ayşe", "Contacts")), ConflictPolicy.CRM_WINS,
                settings.retry(), settings.pollInterval(), settings.claimLease()));
        fx.crm.put("c1", ContactFields.builder().surname("Lee").jobTitle("CEO").build());
        fx.exchange.inject(Fault.failProperty(PropName.contacts("title"), 409).onPathContaining("/jdoe/"));

        SyncSummary summary = fx.fullSync();

        assertThat(summary.failed()).isEqualTo(2);
        assertThat(fx.sync.status(Optional.of("ayşe")).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("FOLDER_NOT_FOUND");
            assertThat(p.reason()).contains("404");
        });
        assertThat(fx.sync.status(Optional.of("jdoe")).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("PROPERTY_REJECTED");
            assertThat(p.reason()).contains("urn:schemas:contacts:title (409)");
        });
    }

    @Test
    void aServerThatStaysDownIsRetriedWithBackoffThenMarkedFailed() {
        fx = new SyncFixture(dir, settings -> settings.withRetry(new RetryPolicy(Duration.ofMillis(10),
                Duration.ofMillis(40), 3)));
        fx.crm.put("c1", TestContacts.person(1));
        fx.exchange.inject(Fault.status(500).onPathContaining("/jdoe/"));

        SyncSummary summary = fx.fullSync();

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.created()).isEqualTo(1);
        assertThat(fx.exchange.requests(r -> r.path().startsWith("/exchange/jdoe/"))).hasSize(3);
        assertThat(fx.sync.status(Optional.of("jdoe")).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("UNAVAILABLE");
            assertThat(p.attempts()).isEqualTo(3);
        });
    }

    @Test
    void aRetryAfterLongerThanTheRunLeavesTheWorkPending() {
        fx = new SyncFixture(dir);
        fx.crm.put("c1", TestContacts.person(1));
        fx.exchange.inject(Fault.unavailable(Duration.ofSeconds(30)).times(1).onPathContaining("/jdoe/"));

        SyncSummary summary = fx.sync.syncAll(Optional.empty(), true, Duration.ofSeconds(3));

        // A Retry-After pauses the whole server, so whether the other mailbox's push got in before the
        // 503 depends on which request went first: only the sum is certain.
        assertThat(summary.pending()).isBetween(1, 2);
        assertThat(summary.created() + summary.pending()).isEqualTo(2);
        assertThat(fx.sync.status(Optional.of("jdoe")).problems()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo("PENDING");
            assertThat(p.code()).isEqualTo("UNAVAILABLE");
        });
    }

    @Test
    void aLongRetryAfterPausesTheWholeServerAndGivesClaimedWorkBack() {
        fx = new SyncFixture(dir);
        java.util.stream.IntStream.rangeClosed(1, 100).forEach(n -> fx.crm.put(TestContacts.id(n), TestContacts.person(n)));
        fx.exchange.inject(Fault.unavailable(Duration.ofSeconds(60)));

        SyncSummary summary = fx.sync.syncAll(Optional.empty(), true, Duration.ofSeconds(3));

        assertThat(summary.pending()).isEqualTo(200);
        assertThat(fx.exchange.requests()).as("only the pushes already under way when the first 503 came")
                .hasSizeLessThanOrEqualTo(8);
        assertThat(fx.sync.status(Optional.empty()).mailboxes()).allSatisfy(m -> assertThat(m.pending()).isEqualTo(100));
    }

    @Test
    void anUnknownMailboxFilterIsRefused() {
        fx = new SyncFixture(dir);

        assertThatThrownBy(() -> fx.sync.syncAll(Optional.of("nobody"), false, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThat(fx.sync.syncAll(Optional.of("JDOE"), false, Duration.ofSeconds(1))).isEqualTo(SyncSummary.EMPTY);
    }

    @Test
    void settingsRefuseAMailboxOnAnUnknownServer() {
        Map<String, WebDavSettings> servers = Map.of();
        assertThatThrownBy(() -> ContactSyncSettings.allContactsTo(servers, List.of(JDOE)))
                .hasMessageContaining("unknown Exchange server ex1");
    }
}
