package io.crmbridge.backend.intake;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Mails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;

/** What the intake promises on every store: validation, one receipt per mail, duplicates stored once. */
abstract class MailIntakeContract {
    protected abstract BackendSettings settings();

    private CrmBackend backend;
    private MailIntake intake;
    private final String mailbox = "user-" + UUID.randomUUID() + "@acme.example";

    @BeforeEach
    void start() {
        backend = CrmBackend.start(settings());
        intake = backend.mailIntake();
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private Mails mail() {
        return aMail().in(mailbox, MailFolder.INBOX);
    }

    @Test
    void acceptsEachMailWithAReceiptInOrderAndQueuesIt() {
        List<Receipt> receipts = intake.submit(List.of(mail().clientRef("a").build(), mail().clientRef("b").build()));

        assertThat(receipts).extracting(Receipt::clientRef).containsExactly("a", "b");
        assertThat(receipts).extracting(Receipt::status).containsOnly(ReceiptStatus.ACCEPTED);
        assertThat(receipts).allSatisfy(r -> assertThat(r.receiptId()).isPresent());
        assertThat(receipts.get(0).receiptId()).isNotEqualTo(receipts.get(1).receiptId());
        List<MailStatus> status = intake.status(receipts.stream().map(r -> r.receiptId().orElseThrow()).toList());
        assertThat(status).extracting(MailStatus::state).containsExactly(MailState.QUEUED, MailState.QUEUED);
        assertThat(backend.health().queuedSubmissions()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rejectsABadMailAndStoresTheOthers() {
        InboundMail noMailbox = mail().clientRef("bad").in(" ", MailFolder.INBOX).build();
        InboundMail hugeSubject = mail().clientRef("huge").subject("x".repeat(5000)).build();

        List<Receipt> receipts = intake.submit(List.of(mail().clientRef("good").build(), noMailbox, hugeSubject));

        assertThat(receipts.get(0).status()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(receipts.get(1).status()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(receipts.get(1).faultCode()).contains(Receipt.INVALID_MESSAGE);
        assertThat(receipts.get(1).reason()).contains("mailbox is required");
        assertThat(receipts.get(1).receiptId()).isEmpty();
        assertThat(receipts.get(2).reason().orElseThrow()).contains("subject is longer than");
        assertThat(intake.status(List.of(receipts.get(0).receiptId().orElseThrow())).get(0).state()).isEqualTo(MailState.QUEUED);
    }

    @Test
    void aMailRepeatedInOneBatchIsADuplicateOfTheFirst() {
        InboundMail m = mail().build();

        List<Receipt> receipts = intake.submit(List.of(m, m));

        assertThat(receipts).extracting(Receipt::status).containsExactly(ReceiptStatus.ACCEPTED, ReceiptStatus.DUPLICATE);
        assertThat(receipts.get(1).receiptId()).isEqualTo(receipts.get(0).receiptId());
    }

    @Test
    void aMailSubmittedAgainIsADuplicateWithTheFirstReceiptId() {
        String id = "<" + UUID.randomUUID() + "@mail.example>";
        Receipt first = intake.submit(List.of(mail().messageId(id).build())).get(0);

        // the same Message-ID, written without brackets and with spaces, from another run of the agent
        Receipt again = intake.submit(List.of(mail().messageId(" " + id.substring(1, id.length() - 1) + " ").build())).get(0);

        assertThat(again.status()).isEqualTo(ReceiptStatus.DUPLICATE);
        assertThat(again.receiptId()).isEqualTo(first.receiptId());
    }

    @Test
    void theSameMessageFromAnotherMailboxIsANewSubmission() {
        String id = "<" + UUID.randomUUID() + "@mail.example>";
        Receipt inJanes = intake.submit(List.of(mail().messageId(id).build())).get(0);

        Receipt inJohns = intake.submit(List.of(aMail().in("john-" + mailbox, MailFolder.INBOX).messageId(id).build())).get(0);

        assertThat(inJohns.status()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(inJohns.receiptId()).isNotEqualTo(inJanes.receiptId());
    }

    @Test
    void aBatchOfSeveralMailboxesFindsEachMailStoredBeforeByItsOwnMailboxAndKey() {
        String x = "<" + UUID.randomUUID() + "@mail.example>";
        String y = "<" + UUID.randomUUID() + "@mail.example>";
        Receipt janesX = intake.submit(List.of(mail().messageId(x).build())).get(0);
        Receipt johnsY = intake.submit(List.of(aMail().in("john-" + mailbox, MailFolder.INBOX).messageId(y).build())).get(0);

        List<Receipt> receipts = intake.submit(List.of(
                mail().messageId(x).build(),
                aMail().in("john-" + mailbox, MailFolder.INBOX).messageId(x).build(),
                mail().messageId(y).build(),
                aMail().in("john-" + mailbox, MailFolder.INBOX).messageId(y).build()));

        assertThat(receipts).extracting(Receipt::status).containsExactly(ReceiptStatus.DUPLICATE, ReceiptStatus.ACCEPTED,
                ReceiptStatus.ACCEPTED, ReceiptStatus.DUPLICATE);
        assertThat(receipts.get(0).receiptId()).isEqualTo(janesX.receiptId());
        assertThat(receipts.get(3).receiptId()).isEqualTo(johnsY.receiptId());
    }

    @Test
    void mailWithoutMessageIdIsKeyedByItsContent() {
        String body = "Body " + UUID.randomUUID();
        Receipt first = intake.submit(List.of(mail().withoutMessageId().body(body).build())).get(0);

        Receipt sameTagged = intake.submit(List.of(mail().withoutMessageId().body(body)
                .taggedFor(UUID.randomUUID()).build())).get(0);
        Receipt otherBody = intake.submit(List.of(mail().withoutMessageId().body(body + " changed").build())).get(0);

        assertThat(first.status()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(sameTagged.status()).isEqualTo(ReceiptStatus.DUPLICATE);
        assertThat(sameTagged.receiptId()).isEqualTo(first.receiptId());
        assertThat(otherBody.status()).isEqualTo(ReceiptStatus.ACCEPTED);
    }

    @Test
    void twoAgentsRacingWithTheSameMailStoreItOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<InboundMail> batch = List.of(mail().build(), mail().build(), mail().build());
                CountDownLatch go = new CountDownLatch(1);
                Callable<List<Receipt>> submit = () -> {
                    go.await();
                    return intake.submit(batch);
                };
                Future<List<Receipt>> a = threads.submit(submit);
                Future<List<Receipt>> b = threads.submit(submit);
                go.countDown();
                List<Receipt> ra = a.get();
                List<Receipt> rb = b.get();

                for (int i = 0; i < batch.size(); i++) {
                    assertThat(ra.get(i).receiptId()).isPresent().isEqualTo(rb.get(i).receiptId());
                    assertThat(List.of(ra.get(i).status(), rb.get(i).status()))
                            .containsExactlyInAnyOrder(ReceiptStatus.ACCEPTED, ReceiptStatus.DUPLICATE);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBatchThatLosesTheRaceForOneMailStoresTheOthersAndAnswersDuplicateForIt() throws Exception {
        InboundMail contested = mail().clientRef("contested").build();
        InboundMail other = mail().clientRef("other").build();
        UUID theirs = UUID.randomUUID();
        BackendSettings s = settings();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password())) {
            c.setAutoCommit(false);
            // another node's batch, not yet committed, holding the same key (FAILED: no worker picks it up)
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_submissions (id, mailbox, message_key, folder, "
                    + "message_id, client_ref, payload_version, state, attempts, last_error, received_at, next_attempt_at) "
                    + "VALUES (?, ?, ?, 'INBOX', '', 'theirs', 1, 'FAILED', 0, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                ps.setObject(1, theirs);
                ps.setString(2, mailbox);
                ps.setString(3, MessageKey.of(contested));
                ps.executeUpdate();
            }
            Future<List<Receipt>> ours = thread.submit(() -> intake.submit(List.of(other, contested)));
            Thread.sleep(300);
            c.commit();

            List<Receipt> receipts = ours.get(30, TimeUnit.SECONDS);

            assertThat(receipts.get(0).status()).isEqualTo(ReceiptStatus.ACCEPTED);
            assertThat(receipts.get(1).status()).isEqualTo(ReceiptStatus.DUPLICATE);
            assertThat(receipts.get(1).receiptId()).contains(theirs.toString());
            assertThat(intake.status(List.of(receipts.get(0).receiptId().orElseThrow())).get(0).state())
                    .isIn(MailState.QUEUED, MailState.RECORDED, MailState.UNRESOLVED, MailState.IGNORED);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void unknownAndMalformedReceiptIdsAreUnknown() {
        String unknown = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>(List.of(unknown, "not-a-receipt", ""));

        List<MailStatus> status = intake.status(ids);

        assertThat(status).extracting(MailStatus::receiptId).containsExactly(unknown, "not-a-receipt", "");
        assertThat(status).extracting(MailStatus::state).containsOnly(MailState.UNKNOWN);
    }
}
