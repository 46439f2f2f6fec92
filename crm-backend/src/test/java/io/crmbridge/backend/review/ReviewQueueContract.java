package io.crmbridge.backend.review;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.activity.ActivitySummary;
import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.activity.PartyRole;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.backend.intake.MailStatus;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.intake.Receipt;
import io.crmbridge.backend.record.CrmRecord;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the review queue promises on every store: listing, linking, creating, ignoring, the audit trail and the faults. */
abstract class ReviewQueueContract {
    private static final Duration WAIT = Duration.ofSeconds(20);

    protected abstract BackendSettings settings();

    private CrmBackend b;
    private ReviewQueue queue;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String jane = "jane." + run + "@acme.example";
    private final String john = "john." + run + "@acme.example";

    @BeforeEach
    void start() {
        b = CrmBackend.start(settings().withWorkers(2));
        queue = b.reviewQueue();
    }

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
    }

    private UUID record(RecordType type, String name, String... emails) {
        UUID id = UUID.randomUUID();
        b.records().upsert(List.of(RecordInput.named(type, id.toString(), name, emails)));
        return id;
    }

    private MailStatus submit(InboundMail mail) {
        Receipt r = b.mailIntake().submit(List.of(mail)).get(0);
        assertThat(b.awaitIdle(WAIT)).isTrue();
        return b.mailIntake().status(List.of(r.receiptId().orElseThrow())).get(0);
    }

    private UUID unresolved(InboundMail mail) {
        MailStatus s = submit(mail);
        assertThat(s.state()).isEqualTo(MailState.UNRESOLVED);
        return UUID.fromString(s.activityId().orElseThrow());
    }

    private MailStatus statusOf(UUID activityId) {
        String receipt = Sql.rows(settings(), "SELECT id FROM mail_submissions WHERE activity_id = ?", activityId)
                .get(0).get("id").toString();
        return b.mailIntake().status(List.of(receipt)).get(0);
    }

    private static String stranger(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 6) + "@nowhere.example";
    }

    @Test
    void listsOldestFirstAPageAtATimeFilteredByReasonAndMailbox() {
        UUID a = unresolved(aMail().in(jane, MailFolder.INBOX).from(stranger("a")).to(jane).subject("First").build());
        UUID gone = UUID.randomUUID();
        UUID c = unresolved(aMail().in(jane, MailFolder.INBOX).from(stranger("c")).to(jane).subject("Second").taggedFor(gone).build());
        UUID d = unresolved(aMail().in(jane, MailFolder.INBOX).from(stranger("d")).to(jane).subject("Third").build());
        UUID inJohns = unresolved(aMail().in(john, MailFolder.INBOX).from(stranger("e")).to(john).subject("Other").build());

        UnresolvedPage first = queue.list(Optional.empty(), Optional.of(jane.toUpperCase()), 2, Optional.empty());
        UnresolvedPage second = queue.list(Optional.empty(), Optional.of(jane), 2, first.nextPageToken());

        assertThat(first.items()).extracting(UnresolvedItem::activityId).containsExactly(a, c);
        assertThat(first.nextPageToken()).isPresent();
        assertThat(second.items()).extracting(UnresolvedItem::activityId).containsExactly(d);
        assertThat(second.nextPageToken()).isEmpty();
        assertThat(queue.list(Optional.of("no_match"), Optional.of(jane), 0, Optional.empty()).items())
                .extracting(UnresolvedItem::activityId).containsExactly(a, d);
        assertThat(queue.list(Optional.of("UNKNOWN_RECORD"), Optional.of(jane), 0, Optional.empty()).items())
                .singleElement().satisfies(i -> {
                    assertThat(i.activityId()).isEqualTo(c);
                    assertThat(i.detail()).isEqualTo(gone.toString());
                });
        assertThat(queue.list(Optional.empty(), Optional.of(john), 0, Optional.empty()).items())
                .extracting(UnresolvedItem::activityId).containsExactly(inJohns);
        UnresolvedItem item = first.items().get(0);
        assertThat(item.reason()).isEqualTo("NO_MATCH");
        assertThat(item.subject()).isEqualTo("First");
        assertThat(item.direction()).isEqualTo(Direction.INBOUND);
        assertThat(item.mailboxes()).containsExactly(jane);
        assertThat(item.messageId()).isPresent();
        assertThat(item.parties()).extracting(p -> p.role()).containsExactly(PartyRole.FROM, PartyRole.TO);
        assertThat(item.queuedAt()).isBeforeOrEqualTo(first.items().get(1).queuedAt());
    }

    @Test
    void aLinkIsManualAndAuditedAndALaterReplyInTheThreadFollowsIt() {
        UUID deal = record(RecordType.OPPORTUNITY, "Deal " + run);
        String customer = stranger("cust");
        InboundMail mail = aMail().in(jane, MailFolder.INBOX).from(customer).to(jane).subject("Question").build();
        UUID activity = unresolved(mail);

        RecordRef linked = queue.link(activity, deal, "alice");

        assertThat(linked).isEqualTo(new RecordRef(RecordType.OPPORTUNITY, deal, "Deal " + run));
        MailStatus s = statusOf(activity);
        assertThat(s.state()).isEqualTo(MailState.RECORDED);
        assertThat(s.correlation()).contains(CorrelationMethod.MANUAL);
        assertThat(s.evidence()).contains("linked by alice");
        assertThat(queue.history(activity)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(ReviewAction.LINK);
            assertThat(d.recordId()).contains(deal);
            assertThat(d.actor()).isEqualTo("alice");
        });
        assertThat(b.activities().forRecord(deal, 10, Optional.empty()).activities()).extracting(ActivitySummary::id)
                .containsExactly(activity);
        assertThat(queue.list(Optional.empty(), Optional.of(jane), 0, Optional.empty()).items()).isEmpty();

        MailStatus reply = submit(aMail().in(jane, MailFolder.INBOX).from(customer).to(jane).subject("Re: Question")
                .replyTo(mail.messageId().orElseThrow()).build());

        assertThat(reply.state()).isEqualTo(MailState.RECORDED);
        assertThat(reply.regarding().map(RecordRef::id)).contains(deal);
        assertThat(reply.correlation()).contains(CorrelationMethod.THREAD);
        assertThat(reply.evidence()).isEqualTo(mail.messageId());
    }

    @Test
    void createAndLinkMakesAContactOfTheSenderAndItsNextMailLinksByAddress() {
        String dora = "dora." + run + "@new.example";
        UUID activity = unresolved(aMail().in(jane, MailFolder.INBOX).from(new Party(dora, "Dora Explorer", "")).to(jane)
                .subject("Hello").build());

        RecordRef created = queue.createAndLink(activity, RecordType.CONTACT, "", "", "Explorers Inc", "alice");

        CrmRecord contact = b.records().find(created.id()).orElseThrow();
        assertThat(contact.type()).isEqualTo(RecordType.CONTACT);
        assertThat(contact.firstName()).isEqualTo("Dora");
        assertThat(contact.lastName()).isEqualTo("Explorer");
        assertThat(contact.company()).isEqualTo("Explorers Inc");
        assertThat(contact.emails()).containsExactly(dora);
        MailStatus s = statusOf(activity);
        assertThat(s.regarding()).contains(created);
        assertThat(s.correlation()).contains(CorrelationMethod.MANUAL);
        assertThat(s.evidence().orElseThrow()).contains(dora, "alice");
        assertThat(queue.history(activity)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(ReviewAction.CREATE_AND_LINK);
            assertThat(d.recordId()).contains(created.id());
        });

        MailStatus next = submit(aMail().in(jane, MailFolder.INBOX).from(dora).to(jane).subject("Again").build());

        assertThat(next.regarding()).contains(created);
        assertThat(next.correlation()).contains(CorrelationMethod.ADDRESS);
    }

    @Test
    void createAndLinkOnOutgoingMailTakesTheRecipientAndTheNamesGiven() {
        String ed = "e.d." + run + "@new.example";
        UUID activity = unresolved(aMail().in(jane, MailFolder.SENT).from(jane).to(ed).cc(john).subject("Offer").build());

        RecordRef created = queue.createAndLink(activity, RecordType.LEAD, "Edgar", "Dunn", "", "bob");

        CrmRecord lead = b.records().find(created.id()).orElseThrow();
        assertThat(lead.type()).isEqualTo(RecordType.LEAD);
        assertThat(lead.name()).isEqualTo("Edgar Dunn");
        assertThat(lead.emails()).containsExactly(ed);
    }

    @Test
    void ignoringTakesItOutOfTheQueueAndTheStatusSaysWhoAndWhy() {
        UUID activity = unresolved(aMail().in(jane, MailFolder.INBOX).from(stranger("news")).to(jane).subject("Newsletter").build());

        queue.ignore(activity, "newsletter", "alice");

        MailStatus s = statusOf(activity);
        assertThat(s.state()).isEqualTo(MailState.IGNORED);
        assertThat(s.reason()).contains("IGNORED");
        assertThat(s.detail()).contains("ignored by alice: newsletter");
        assertThat(queue.list(Optional.empty(), Optional.of(jane), 0, Optional.empty()).items()).isEmpty();
        assertThat(queue.history(activity)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(ReviewAction.IGNORE);
            assertThat(d.note()).isEqualTo("newsletter");
            assertThat(d.recordId()).isEmpty();
        });
    }

    @Test
    void decisionsAboutWhatIsNotThereOrNotWaitingAreRefusedWithStableCodes() {
        UUID ann = record(RecordType.CONTACT, "Ann " + run);
        UUID activity = unresolved(aMail().in(jane, MailFolder.INBOX).from(stranger("x")).to(jane).build());

        assertCode(() -> queue.link(UUID.randomUUID(), ann, "alice"), BackendException.ACTIVITY_NOT_FOUND);
        assertCode(() -> queue.link(activity, UUID.randomUUID(), "alice"), BackendException.RECORD_NOT_FOUND);
        assertCode(() -> queue.link(activity, ann, " "), BackendException.INVALID_REQUEST);
        assertCode(() -> queue.createAndLink(activity, RecordType.ACCOUNT, "", "", "", "alice"), BackendException.INVALID_REQUEST);
        assertCode(() -> queue.list(Optional.of("NO_TAG"), Optional.empty(), 0, Optional.empty()), BackendException.INVALID_REQUEST);
        assertCode(() -> queue.list(Optional.empty(), Optional.empty(), 501, Optional.empty()), BackendException.INVALID_REQUEST);
        assertCode(() -> queue.list(Optional.empty(), Optional.empty(), 1, Optional.of("bogus")), BackendException.INVALID_REQUEST);
        queue.link(activity, ann, "alice");
        assertCode(() -> queue.link(activity, ann, "bob"), BackendException.NOT_UNRESOLVED);
        assertCode(() -> queue.ignore(activity, "", "bob"), BackendException.NOT_UNRESOLVED);
        assertCode(() -> queue.createAndLink(activity, RecordType.CONTACT, "", "", "", "bob"), BackendException.NOT_UNRESOLVED);
        assertThat(queue.history(activity)).hasSize(1);
    }

    @Test
    void aTokenIsOnlyGoodForTheFiltersItWasGivenFor() {
        unresolved(aMail().in(jane, MailFolder.INBOX).from(stranger("p")).to(jane).build());
        unresolved(aMail().in(jane, MailFolder.INBOX).from(stranger("q")).to(jane).build());
        Optional<String> token = queue.list(Optional.empty(), Optional.of(jane), 1, Optional.empty()).nextPageToken();

        assertThat(token).isPresent();
        assertCode(() -> queue.list(Optional.of("NO_MATCH"), Optional.of(jane), 1, token), BackendException.INVALID_REQUEST);
        assertCode(() -> queue.list(Optional.empty(), Optional.of(john), 1, token), BackendException.INVALID_REQUEST);
    }

    @Test
    void twoPeopleLinkingTheSameActivityAtOnceOneWinsTheOtherIsToldItIsNotWaiting() throws Exception {
        UUID ann = record(RecordType.CONTACT, "Ann " + run);
        UUID bea = record(RecordType.CONTACT, "Bea " + run);
        UUID activity = unresolved(aMail().in(jane, MailFolder.INBOX).from(stranger("y")).to(jane).build());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (UUID target : List.of(ann, bea)) {
                Callable<String> link = () -> {
                    go.await();
                    try {
                        return queue.link(activity, target, "user-" + target).id().toString();
                    } catch (BackendException e) {
                        return e.code();
                    }
                };
                outcomes.add(pool.submit(link));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).containsOnlyOnce(BackendException.NOT_UNRESOLVED);
            assertThat(queue.history(activity)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
