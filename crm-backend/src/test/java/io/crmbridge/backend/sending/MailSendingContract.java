package io.crmbridge.backend.sending;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.activity.ActivitySummary;
import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.backend.intake.MailStatus;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.intake.Receipt;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CRM-originated mail against a real SMTP server on loopback (GreenMail, plain SMTP with a login and SMTPS with
 * a test certificate for "localhost"): it arrives tagged with our Message-ID, is recorded once, and replies
 * come back linked even without the tag. When the server does not take it, nothing is recorded.
 */
abstract class MailSendingContract {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(5);
    private static GreenMail smtp;
    private static Path trustStore;

    protected abstract BackendSettings settings();

    private final List<CrmBackend> started = new ArrayList<>();
    private CrmBackend b;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String jane = "jane." + run + "@acme.example";
    private final String john = "john." + run + "@acme.example";
    private final String ann = "ann." + run + "@client.example";
    private UUID annId;

    @BeforeAll
    static void startSmtp() throws Exception {
        Path serverKeys = Path.of(MailSendingContract.class.getResource("/smtp/server.p12").toURI());
        trustStore = Path.of(MailSendingContract.class.getResource("/smtp/trust.p12").toURI());
        System.setProperty("greenmail.tls.keystore.file", serverKeys.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
        smtp = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()});
        smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser("crm@acme.example", "crm", "s3cret"));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeEach
    void start() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        b = start(plain("s3cret"));
        annId = UUID.randomUUID();
        b.records().upsert(List.of(RecordInput.named(RecordType.CONTACT, annId.toString(), "Ann Customer", ann)));
    }

    @AfterEach
    void stop() {
        started.forEach(CrmBackend::close);
    }

    private CrmBackend start(SmtpSettings smtpSettings) {
        CrmBackend backend = CrmBackend.start(settings().withWorkers(2).withSmtp(smtpSettings));
        started.add(backend);
        return backend;
    }

    private static SmtpSettings plain(String password) {
        return new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), false, "crm", password, SMTP_TIMEOUT);
    }

    private static SmtpSettings smtps(String host) {
        return new SmtpSettings(host, smtp.getSmtps().getPort(), false, "crm", "s3cret", SMTP_TIMEOUT).withImplicitTls();
    }

    private MailToSend offer(String subject, Optional<String> clientRef) {
        return new MailToSend(annId, new Party(jane, "Jane Doe", ""), List.of(new Party(ann, "Ann Customer", "")),
                List.of(Party.of(john)), List.of(), subject, "Dear Ann,\nplease find our offer.\nJane", clientRef);
    }

    private MailStatus submit(InboundMail mail) {
        Receipt r = b.mailIntake().submit(List.of(mail)).get(0);
        assertThat(b.awaitIdle(WAIT)).isTrue();
        return b.mailIntake().status(List.of(r.receiptId().orElseThrow())).get(0);
    }

    private long recorded(String subjectPart) {
        return Sql.count(settings(), "SELECT COUNT(*) FROM email_activities WHERE subject LIKE ?", "%" + subjectPart + "%");
    }

    @Test
    void sentMailArrivesTaggedWithOurMessageIdAndIsRecordedOnItsRecord() throws Exception {
        SentMail sent = b.mailSender().send(offer("Offer " + run, Optional.empty()));

        assertThat(sent.subject()).isEqualTo("Offer " + run + " CRM:{" + annId + "}:MRC");
        assertThat(sent.messageId()).startsWith("<crm.").endsWith("@acme.example>");
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // Ann and John
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo(sent.subject());
        assertThat(m.getMessageID()).isEqualTo(sent.messageId());
        assertThat(m.getFrom()[0].toString()).contains(jane);
        assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString)).singleElement()
                .asString().contains(ann);
        assertThat(m.getContent().toString()).contains("please find our offer");
        ActivitySummary a = b.activities().forRecord(annId, 10, Optional.empty()).activities().stream()
                .filter(x -> x.id().equals(sent.activityId())).findFirst().orElseThrow();
        assertThat(a.subject()).isEqualTo(sent.subject());
        assertThat(a.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(a.correlation()).isEqualTo(CorrelationMethod.TAG);
        assertThat(a.messageId()).contains(sent.messageId());
        assertThat(a.parties()).extracting(p -> p.role() + " " + p.email()).containsExactly("FROM " + jane, "TO " + ann, "CC " + john);
        assertThat(Sql.rows(settings(), "SELECT u.mailbox FROM email_activities a JOIN system_users u ON u.id = a.owner_id "
                + "WHERE a.id = ?", sent.activityId())).singleElement().satisfies(r -> assertThat(r).containsEntry("mailbox", jane));
    }

    @Test
    void aReplyThatLostTheTagLinksByThreadAndACopyInAColleaguesInboxIsTheSameActivity() {
        SentMail sent = b.mailSender().send(offer("Offer " + run, Optional.empty()));
        UUID deal = UUID.randomUUID();
        b.records().upsert(List.of(RecordInput.named(RecordType.OPPORTUNITY, deal.toString(), "Not this one")));

        MailStatus reply = submit(aMail().in(jane, MailFolder.INBOX).from(ann).to(jane).subject("AW: Offer " + run)
                .replyTo(sent.messageId()).build());
        MailStatus johnsCopy = submit(aMail().in(john, MailFolder.INBOX).messageId(sent.messageId()).from(jane).to(ann)
                .subject(sent.subject()).build());

        assertThat(reply.state()).isEqualTo(MailState.RECORDED);
        assertThat(reply.regarding().map(RecordRef::id)).contains(annId);
        assertThat(reply.correlation()).contains(CorrelationMethod.THREAD);
        assertThat(reply.evidence()).contains(sent.messageId());
        assertThat(johnsCopy.activityId()).contains(sent.activityId().toString());
        assertThat(Sql.count(settings(), "SELECT COUNT(*) FROM activity_sightings WHERE activity_id = ?", sent.activityId()))
                .isEqualTo(1);
    }

    @Test
    void aRequestRepeatedWithTheSameClientRefSendsNothingTwice() {
        String ref = "crm-job-" + run;

        SentMail first = b.mailSender().send(offer("Reminder " + run, Optional.of(ref)));
        SentMail again = b.mailSender().send(offer("Reminder " + run, Optional.of(ref)));

        assertThat(again).isEqualTo(first);
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(recorded("Reminder " + run)).isEqualTo(1);
    }

    @Test
    void whenTheServerCannotBeReachedNothingIsRecordedAndARetrySends() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CrmBackend down = start(new SmtpSettings("127.0.0.1", closedPort, false, "", "", SMTP_TIMEOUT));
        String ref = "retry-" + run;

        assertCode(() -> down.mailSender().send(offer("Retry " + run, Optional.of(ref))), BackendException.UNAVAILABLE);
        assertThat(recorded("Retry " + run)).isZero();
        assertThat(Sql.count(settings(), "SELECT COUNT(*) FROM crm_sent_mail WHERE client_ref = ?", ref)).isZero();

        SentMail sent = b.mailSender().send(offer("Retry " + run, Optional.of(ref)));

        assertThat(recorded("Retry " + run)).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo(sent.messageId());
    }

    @Test
    void aRefusedLoginIsUnavailableAndRecordsNothing() {
        CrmBackend wrong = start(plain("wrong"));

        assertThatThrownBy(() -> wrong.mailSender().send(offer("Login " + run, Optional.empty())))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.code()).isEqualTo(BackendException.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("refused the login").doesNotContain("wrong");
                });
        assertThat(recorded("Login " + run)).isZero();
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsSent() {
        MailToSend noRecord = new MailToSend(UUID.randomUUID(), Party.of(jane), List.of(Party.of(ann)), List.of(), List.of(),
                "Hi", "", Optional.empty());
        MailToSend noRecipient = new MailToSend(annId, Party.of(jane), List.of(), List.of(), List.of(), "Hi", "", Optional.empty());
        MailToSend badAddress = new MailToSend(annId, Party.of(jane), List.of(Party.of("not an address")), List.of(), List.of(),
                "Hi", "", Optional.empty());
        MailToSend noSubject = new MailToSend(annId, Party.of(jane), List.of(Party.of(ann)), List.of(), List.of(), " ", "",
                Optional.empty());

        assertCode(() -> b.mailSender().send(noRecord), BackendException.RECORD_NOT_FOUND);
        assertCode(() -> b.mailSender().send(noRecipient), BackendException.INVALID_REQUEST);
        assertCode(() -> b.mailSender().send(badAddress), BackendException.INVALID_REQUEST);
        assertCode(() -> b.mailSender().send(noSubject), BackendException.INVALID_REQUEST);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void tlsIsVerifiedAgainstTheTrustStoreAndTheHostName() throws Exception {
        CrmBackend jvmTrust = start(smtps("localhost"));
        CrmBackend wrongName = start(smtps("127.0.0.1").withTrustStore(trustStore, "changeit"));
        CrmBackend trusted = start(smtps("localhost").withTrustStore(trustStore, "changeit"));

        assertThatThrownBy(() -> jvmTrust.mailSender().send(offer("TLS one " + run, Optional.empty())))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.code()).isEqualTo(BackendException.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("TLS");
                });
        assertCode(() -> wrongName.mailSender().send(offer("TLS two " + run, Optional.empty())), BackendException.UNAVAILABLE);
        SentMail sent = trusted.mailSender().send(offer("TLS three " + run, Optional.empty()));

        assertThat(recorded("TLS one " + run) + recorded("TLS two " + run)).isZero();
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsOnly(sent.subject());
    }

    @Test
    void startTlsIsRequiredWhenAskedForSoAServerWithoutItGetsNothing() {
        CrmBackend insisting = start(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), true, "crm", "s3cret", SMTP_TIMEOUT));

        assertCode(() -> insisting.mailSender().send(offer("StartTLS " + run, Optional.empty())), BackendException.UNAVAILABLE);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(recorded("StartTLS " + run)).isZero();
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
