package io.crmbridge.backend.activity;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.TestStores;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityQueryTest {
    @TempDir
    static Path dir;
    private static CrmBackend backend;
    private static final UUID DEAL = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @BeforeAll
    static void sevenMailsOnADeal() {
        backend = CrmBackend.start(TestStores.h2(dir).withWorkers(1));
        backend.records().upsert(List.of(RecordInput.named(RecordType.OPPORTUNITY, DEAL.toString(), "Deal"),
                RecordInput.named(RecordType.ACCOUNT, OTHER.toString(), "Other")));
        List<InboundMail> mails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two mails share a time, so the order must break ties
            Instant at = T0.plus(Duration.ofMinutes(i == 6 ? 5 : i));
            mails.add(aMail().in("pager@acme.example", MailFolder.INBOX).subject("mail " + i).taggedFor(DEAL).postedAt(at).build());
        }
        backend.mailIntake().submit(mails);
        assertThat(backend.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void pagesThroughNewestFirstWithoutGapsOrRepeats() {
        ActivityQuery q = backend.activities();
        List<ActivitySummary> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        List<Integer> sizes = new ArrayList<>();
        do {
            ActivityPage page = q.forRecord(DEAL, 3, token);
            sizes.add(page.activities().size());
            seen.addAll(page.activities());
            token = page.nextPageToken();
        } while (token.isPresent());

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).extracting(ActivitySummary::id).doesNotHaveDuplicates().hasSize(7);
        assertThat(seen).extracting(ActivitySummary::occurredAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(List.of(seen.get(0).subject(), seen.get(1).subject()))
                .satisfiesExactlyInAnyOrder(s -> assertThat(s).startsWith("mail 5"), s -> assertThat(s).startsWith("mail 6"));
        assertThat(seen.get(6).subject()).startsWith("mail 0");
        assertThat(seen).allSatisfy(a -> {
            assertThat(a.correlation()).isEqualTo(CorrelationMethod.TAG);
            assertThat(a.evidence().orElseThrow()).startsWith("CRM:");
            assertThat(a.direction()).isEqualTo(Direction.INBOUND);
            assertThat(a.messageId()).isPresent();
        });
    }

    @Test
    void aPageSizeOfZeroMeansTheDefaultAndARecordWithoutMailHasAnEmptyPage() {
        assertThat(backend.activities().forRecord(DEAL, 0, Optional.empty()).activities()).hasSize(7);
        ActivityPage empty = backend.activities().forRecord(OTHER, 10, Optional.empty());
        assertThat(empty.activities()).isEmpty();
        assertThat(empty.nextPageToken()).isEmpty();
    }

    @Test
    void refusesUnknownRecordsBadSizesAndForeignTokens() {
        ActivityQuery q = backend.activities();
        String token = q.forRecord(DEAL, 2, Optional.empty()).nextPageToken().orElseThrow();

        assertThatThrownBy(() -> q.forRecord(UUID.randomUUID(), 10, Optional.empty()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(BackendException.RECORD_NOT_FOUND));
        assertThatThrownBy(() -> q.forRecord(DEAL, 501, Optional.empty()))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(BackendException.INVALID_REQUEST));
        assertThatThrownBy(() -> q.forRecord(OTHER, 10, Optional.of(token)))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(BackendException.INVALID_REQUEST));
        assertThatThrownBy(() -> q.forRecord(DEAL, 10, Optional.of("garbage!")))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(BackendException.INVALID_REQUEST));
    }
}
