package io.crmbridge.backend.recording;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Mails;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.activity.ActivityPage;
import io.crmbridge.backend.activity.ActivitySummary;
import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.activity.PartyRole;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.backend.intake.MailStatus;
import io.crmbridge.backend.intake.Receipt;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;

/** What the workers promise on every store: the right activity on the right record, or the queue with a reason. */
abstract class RecordingContract {
    private static final Duration WAIT = Duration.ofSeconds(20);

    protected abstract BackendSettings settings();

    private final List<CrmBackend> started = new ArrayList<>();
    private final String jane = "jane-" + UUID.randomUUID() + "@acme.example";
    private final String john = "john-" + UUID.randomUUID() + "@acme.example";

    private CrmBackend start(int workers) {
        CrmBackend b = CrmBackend.start(settings().withWorkers(workers));
        started.add(b);
        return b;
    }

    @AfterEach
    void stopAll() {
        started.forEach(CrmBackend::close);
    }

    private static UUID contact(CrmBackend b, String name, String... emails) {
        UUID id = UUID.randomUUID();
        b.records().upsert(List.of(RecordInput.named(RecordType.CONTACT, id.toString(), name, emails)));
        return id;
    }

    private static MailStatus submitAndRecord(CrmBackend b, InboundMail mail) {
        Receipt r = b.mailIntake().submit(List.of(mail)).get(0);
        assertThat(b.awaitIdle(WAIT)).isTrue();
        return b.mailIntake().status(List.of(r.receiptId().orElseThrow())).get(0);
    }

    @Test
    void taggedMailIsRecordedOnTheRecordItNames() {
        CrmBackend b = start(2);
        String customer = "c-" + UUID.randomUUID() + "@client.example";
        UUID ann = contact(b, "Ann Customer", customer);

        MailStatus s = submitAndRecord(b, aMail().in(jane, MailFolder.INBOX).from(customer).subject("Offer CRM: {" + ann + "}:mrc")
                .attachment("offer.pdf", 1234).build());

        assertThat(s.state()).isEqualTo(MailState.RECORDED);
        assertThat(s.regarding()).contains(new RecordRef(RecordType.CONTACT, ann, "Ann Customer"));
        assertThat(s.correlation()).contains(CorrelationMethod.TAG);
        assertThat(s.evidence()).contains("CRM: {" + ann + "}:mrc");
        assertThat(s.activityId()).isPresent();
        ActivityPage page = b.activities().forRecord(ann, 10, Optional.empty());
        assertThat(page.activities()).hasSize(1);
        ActivitySummary a = page.activities().get(0);
        assertThat(a.id().toString()).isEqualTo(s.activityId().get());
        assertThat(a.direction()).isEqualTo(Direction.INBOUND);
        assertThat(a.sightings()).isEqualTo(1);
        assertThat(a.parties()).extracting(p -> p.role() + " " + p.email())
                .containsExactly("FROM " + customer, "TO jane.doe@acme.example");
        // the sender's address belongs to Ann: the party is matched to her record
        assertThat(Sql.count(settings(), "SELECT COUNT(*) FROM activity_parties WHERE activity_id = ? AND matched_record_id = ?",
                a.id(), ann)).isEqualTo(1);
        assertThat(Sql.count(settings(), "SELECT COUNT(*) FROM activity_attachments WHERE activity_id = ? AND name = 'offer.pdf'",
                a.id())).isEqualTo(1);
    }

    @Test
    void aTagNamingNoRecordWaitsAsUnknownRecordWithTheGuid() {
        CrmBackend b = start(2);
        UUID nobody = UUID.randomUUID();

        MailStatus s = submitAndRecord(b, aMail().in(jane, MailFolder.INBOX).taggedFor(nobody).build());

        assertThat(s.state()).isEqualTo(MailState.UNRESOLVED);
        assertThat(s.reason()).contains("UNKNOWN_RECORD");
        assertThat(s.detail()).contains(nobody.toString());
        assertThat(s.regarding()).isEmpty();
        assertThat(Sql.rows(settings(), "SELECT reason, detail FROM unresolved_items WHERE activity_id = ?",
                UUID.fromString(s.activityId().orElseThrow()))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("reason", "UNKNOWN_RECORD").containsEntry("detail", nobody.toString()));
    }

    @Test
    void mailThatNoRuleLinksWaitsAsNoMatchNamingTheAddressTried() {
        CrmBackend b = start(2);
        String stranger = "s-" + UUID.randomUUID() + "@client.example";

        MailStatus s = submitAndRecord(b, aMail().in(jane, MailFolder.INBOX).from(stranger).subject("Re: lunch CRM:1234:MRC").build());

        assertThat(s.state()).isEqualTo(MailState.UNRESOLVED);
        assertThat(s.reason()).contains("NO_MATCH");
        assertThat(s.detail().orElseThrow()).contains(stranger);
    }

    @Test
    void oneMessageSeenInTwoMailboxesIsOneActivityWithTwoSightings() {
        CrmBackend b = start(2);
        UUID deal = UUID.randomUUID();
        b.records().upsert(List.of(RecordInput.named(RecordType.OPPORTUNITY, deal.toString(), "Big deal")));
        String messageId = "<" + UUID.randomUUID() + "@acme.example>";
        InboundMail sent = aMail().in(jane, MailFolder.SENT).messageId(messageId).from(jane).to(john).taggedFor(deal).build();
        InboundMail received = aMail().in(john, MailFolder.INBOX).messageId(messageId).from(jane).to(john).taggedFor(deal).build();

        List<Receipt> receipts = b.mailIntake().submit(List.of(received, sent));
        assertThat(b.awaitIdle(WAIT)).isTrue();

        List<MailStatus> status = b.mailIntake().status(receipts.stream().map(r -> r.receiptId().orElseThrow()).toList());
        assertThat(status).extracting(MailStatus::state).containsOnly(MailState.RECORDED);
        assertThat(status.get(0).activityId()).isEqualTo(status.get(1).activityId());
        List<ActivitySummary> activities = b.activities().forRecord(deal, 10, Optional.empty()).activities();
        assertThat(activities).singleElement().satisfies(a -> {
            assertThat(a.sightings()).isEqualTo(2);
            // one of ours sent it, so it went out, whichever copy was recorded first
            assertThat(a.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(a.parties()).extracting(p -> p.role()).containsExactly(PartyRole.FROM, PartyRole.TO);
        });
        assertThat(Sql.rows(settings(), "SELECT mailbox, folder FROM activity_sightings WHERE activity_id = ? ORDER BY folder",
                activities.get(0).id())).extracting(r -> r.get("mailbox") + " " + r.get("folder"))
                .containsExactly(john + " INBOX", jane + " SENT");
    }

    @Test
    void aLaterCopyWithTheTagLinksAnActivityThatWaited() {
        CrmBackend b = start(1);
        UUID ann = contact(b, "Ann Later");
        String messageId = "<" + UUID.randomUUID() + "@acme.example>";

        MailStatus untagged = submitAndRecord(b, aMail().in(john, MailFolder.INBOX).messageId(messageId).build());
        MailStatus tagged = submitAndRecord(b, aMail().in(jane, MailFolder.SENT).messageId(messageId).taggedFor(ann).build());

        assertThat(untagged.state()).isEqualTo(MailState.UNRESOLVED);
        assertThat(tagged.state()).isEqualTo(MailState.RECORDED);
        assertThat(tagged.activityId()).isEqualTo(untagged.activityId());
        MailStatus firstNow = b.mailIntake().status(List.of(untagged.receiptId())).get(0);
        assertThat(firstNow.state()).isEqualTo(MailState.RECORDED);
        assertThat(firstNow.regarding().map(RecordRef::id)).contains(ann);
        assertThat(Sql.count(settings(), "SELECT COUNT(*) FROM unresolved_items WHERE activity_id = ?",
                UUID.fromString(tagged.activityId().orElseThrow()))).isZero();
    }

    @Test
    void submissionsCommittedBeforeARestartAreRecordedAfterIt() {
        CrmBackend before = start(0);
        UUID ann = contact(before, "Ann Restart");
        List<Receipt> receipts = before.mailIntake().submit(List.of(
                aMail().in(jane, MailFolder.INBOX).taggedFor(ann).build(),
                aMail().in(jane, MailFolder.INBOX).taggedFor(ann).build()));
        assertThat(before.awaitIdle(Duration.ofMillis(200))).isFalse();
        before.close();
        started.remove(before);

        CrmBackend after = start(2);

        assertThat(after.awaitIdle(WAIT)).isTrue();
        assertThat(after.mailIntake().status(receipts.stream().map(r -> r.receiptId().orElseThrow()).toList()))
                .extracting(MailStatus::state).containsOnly(MailState.RECORDED);
        assertThat(after.activities().forRecord(ann, 10, Optional.empty()).activities()).hasSize(2);
    }

    @Test
    void aSubmissionThatCannotBeRecordedFailsAfterRetriesWithoutHoldingUpTheOthers() {
        CrmBackend before = start(0);
        UUID ann = contact(before, "Ann Failure");
        List<Receipt> receipts = before.mailIntake().submit(List.of(
                aMail().in(jane, MailFolder.INBOX).subject("spoiled").build(),
                aMail().in(jane, MailFolder.INBOX).taggedFor(ann).build()));
        UUID spoiled = UUID.fromString(receipts.get(0).receiptId().orElseThrow());
        Sql.update(settings(), "UPDATE mail_payloads SET payload = '{not json' WHERE submission_id = ?", spoiled);
        before.close();
        started.remove(before);

        CrmBackend after = start(2);

        assertThat(after.awaitIdle(WAIT)).isTrue();
        List<MailStatus> status = after.mailIntake().status(receipts.stream().map(r -> r.receiptId().orElseThrow()).toList());
        assertThat(status.get(0).state()).isEqualTo(MailState.FAILED);
        assertThat(status.get(0).reason()).contains("RECORDING_FAILED");
        assertThat(status.get(0).detail().orElseThrow()).contains("not readable JSON");
        assertThat(status.get(1).state()).isEqualTo(MailState.RECORDED);
        assertThat(Sql.count(settings(), "SELECT attempts FROM mail_submissions WHERE id = ?", spoiled))
                .isEqualTo(SubmissionBatch.MAX_ATTEMPTS);
    }

    @Test
    void twoWorkerPoolsOnOneDatabaseRecordABacklogExactlyOnce() throws Exception {
        CrmBackend intake = start(0);
        UUID ann = contact(intake, "Ann Shared");
        List<InboundMail> backlog = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String messageId = "<shared-" + UUID.randomUUID() + "@acme.example>";
            backlog.add(aMail().in(jane, MailFolder.SENT).messageId(messageId).taggedFor(ann).build());
            backlog.add(aMail().in(john, MailFolder.INBOX).messageId(messageId).taggedFor(ann).build());
        }
        List<Receipt> receipts = intake.mailIntake().submit(backlog);
        intake.close();
        started.remove(intake);

        CrmBackend nodeA = start(2);
        CrmBackend nodeB = start(2);

        assertThat(nodeA.awaitIdle(WAIT)).isTrue();
        assertThat(nodeB.awaitIdle(WAIT)).isTrue();
        List<MailStatus> status = nodeA.mailIntake().status(receipts.stream().map(r -> r.receiptId().orElseThrow()).toList());
        assertThat(status).extracting(MailStatus::state).containsOnly(MailState.RECORDED);
        assertThat(Sql.count(settings(), "SELECT COUNT(*) FROM email_activities WHERE regarding_id = ?", ann)).isEqualTo(30);
        assertThat(Sql.count(settings(), "SELECT COUNT(*) FROM activity_sightings s JOIN email_activities a "
                + "ON a.id = s.activity_id WHERE a.regarding_id = ?", ann)).isEqualTo(60);
    }

    @Test
    void oneMessageFromThreeMailboxesInAnyOrderIsOneActivityWithThreeSightingsOwnedByItsSender() {
        CrmBackend b = start(2);
        String customer = "c-" + UUID.randomUUID() + "@client.example";
        UUID ann = contact(b, "Ann Orders", customer);
        List<List<Integer>> orders = List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0),
                List.of(2, 0, 1), List.of(2, 1, 0));
        for (List<Integer> order : orders) {
            // fresh mailboxes each time: the copies in the Inboxes may come before the sender is known at all
            String run = UUID.randomUUID().toString().substring(0, 8);
            String sender = "sender-" + run + "@acme.example";
            String[] mailboxes = {sender, "to-" + run + "@acme.example", "cc-" + run + "@acme.example"};
            String messageId = "<order-" + run + "@acme.example>";
            List<InboundMail> copies = List.of(
                    copy(mailboxes[0], MailFolder.SENT, messageId, sender, customer, mailboxes[1], mailboxes[2]),
                    copy(mailboxes[1], MailFolder.INBOX, messageId, sender, customer, mailboxes[1], mailboxes[2]),
                    copy(mailboxes[2], MailFolder.INBOX, messageId, sender, customer, mailboxes[1], mailboxes[2]));
            List<String> receipts = new ArrayList<>();
            for (int i : order) {
                receipts.add(submitAndRecord(b, copies.get(i)).receiptId());
            }

            List<MailStatus> status = b.mailIntake().status(receipts);
            assertThat(status).as("order %s", order).extracting(MailStatus::state).containsOnly(MailState.RECORDED);
            assertThat(status.stream().map(MailStatus::activityId).distinct()).hasSize(1);
            assertThat(status).extracting(MailStatus::correlation).containsOnly(Optional.of(CorrelationMethod.ADDRESS));
            assertThat(status).extracting(MailStatus::regarding).containsOnly(Optional.of(new RecordRef(RecordType.CONTACT, ann,
                    "Ann Orders")));
            assertOneActivity(messageId, sender, mailboxes);
        }
    }

    @Test
    void oneMessageFromThreeMailboxesSubmittedConcurrentlyToThreeNodesIsOneActivityWithThreeSightings() throws Exception {
        CrmBackend first = start(2);
        String customer = "c-" + UUID.randomUUID() + "@client.example";
        UUID ann = contact(first, "Ann Concurrent", customer);
        List<CrmBackend> nodes = List.of(first, start(2), start(2));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sender = "sender-" + run + "@acme.example";
        String[] mailboxes = {sender, "to-" + run + "@acme.example", "cc-" + run + "@acme.example"};
        int messages = 20;
        List<String> messageIds = new ArrayList<>();
        for (int m = 0; m < messages; m++) {
            messageIds.add("<concurrent-" + m + "-" + run + "@acme.example>");
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService agents = Executors.newFixedThreadPool(3);
        List<Future<List<String>>> submitted = new ArrayList<>();
        try {
            for (int a = 0; a < 3; a++) {
                int agent = a;
                submitted.add(agents.submit(() -> {
                    // each mailbox's agent sends its copies in its own order, in small batches, to its own node
                    List<String> ids = new ArrayList<>(messageIds);
                    Collections.shuffle(ids, new Random(agent));
                    List<String> receipts = new ArrayList<>();
                    go.await();
                    for (int from = 0; from < ids.size(); from += 4) {
                        List<InboundMail> batch = new ArrayList<>();
                        for (String id : ids.subList(from, Math.min(ids.size(), from + 4))) {
                            batch.add(copy(mailboxes[agent], agent == 0 ? MailFolder.SENT : MailFolder.INBOX, id, sender, customer,
                                    mailboxes[1], mailboxes[2]));
                        }
                        nodes.get(agent).mailIntake().submit(batch).forEach(r -> receipts.add(r.receiptId().orElseThrow()));
                    }
                    return receipts;
                }));
            }
            go.countDown();
            List<String> receipts = new ArrayList<>();
            for (Future<List<String>> f : submitted) {
                receipts.addAll(f.get(60, TimeUnit.SECONDS));
            }
            for (CrmBackend node : nodes) {
                assertThat(node.awaitIdle(WAIT)).isTrue();
            }

            assertThat(receipts).hasSize(3 * messages).doesNotHaveDuplicates();
            List<MailStatus> status = first.mailIntake().status(receipts);
            assertThat(status).extracting(MailStatus::state).containsOnly(MailState.RECORDED);
            assertThat(status).extracting(MailStatus::regarding).containsOnly(Optional.of(new RecordRef(RecordType.CONTACT, ann,
                    "Ann Concurrent")));
            assertThat(status.stream().map(MailStatus::activityId).distinct()).hasSize(messages);
            for (String messageId : messageIds) {
                assertOneActivity(messageId, sender, mailboxes);
            }
        } finally {
            agents.shutdownNow();
        }
    }

    private static InboundMail copy(String mailbox, MailFolder folder, String messageId, String sender, String customer,
                                    String colleague, String otherColleague) {
        Mails m = aMail().in(mailbox, folder).messageId(messageId).from(sender).to(customer, colleague, otherColleague)
                .subject("Proposal").postedAt(Instant.parse("2024-05-06T07:08:09Z"));
        return (folder == MailFolder.INBOX ? m.deliveredAt(Instant.parse("2024-05-06T07:08:11Z")) : m).build();
    }

    private void assertOneActivity(String messageId, String owner, String... mailboxes) {
        List<Map<String, Object>> activity = Sql.rows(settings(), """
                SELECT a.id, a.direction, u.mailbox AS owner FROM email_activities a JOIN system_users u ON u.id = a.owner_id
                WHERE a.message_id = ?""", messageId);
        assertThat(activity).as("activities of %s", messageId).hasSize(1);
        assertThat(activity.get(0)).containsEntry("owner", owner).containsEntry("direction", "OUTBOUND");
        assertThat(Sql.rows(settings(), "SELECT mailbox FROM activity_sightings WHERE activity_id = ?", activity.get(0).get("id")))
                .as("sightings of %s", messageId).extracting(r -> r.get("mailbox")).containsExactlyInAnyOrder((Object[]) mailboxes);
        assertThat(Sql.count(settings(), "SELECT COUNT(*) FROM unresolved_items WHERE activity_id = ?", activity.get(0).get("id")))
                .isZero();
    }
}
