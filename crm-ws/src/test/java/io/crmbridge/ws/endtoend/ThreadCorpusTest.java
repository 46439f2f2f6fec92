package io.crmbridge.ws.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.soap.MailStatus;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.tag.OutgoingMail;
import io.crmbridge.agent.core.tag.TagAnswer;
import io.crmbridge.backend.access.Role;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.sending.SmtpSettings;
import io.crmbridge.ws.mail.v1.Address;
import io.crmbridge.ws.mail.v1.MailPort;
import io.crmbridge.ws.mail.v1.MailService;
import io.crmbridge.ws.mail.v1.SendMail;
import io.crmbridge.ws.mail.v1.SendMailResponse;
import io.crmbridge.ws.queue.v1.CreateRecordAndLink;
import io.crmbridge.ws.queue.v1.IgnoreActivity;
import io.crmbridge.ws.queue.v1.ListUnresolved;
import io.crmbridge.ws.queue.v1.ListUnresolvedResponse;
import io.crmbridge.ws.queue.v1.QueuePort;
import io.crmbridge.ws.queue.v1.QueueService;
import io.crmbridge.ws.queue.v1.RecordRef;
import io.crmbridge.ws.queue.v1.ServiceFault;
import io.crmbridge.ws.server.RunningBridge;
import jakarta.mail.internet.MimeMessage;
import jakarta.xml.ws.BindingProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 through the real SOAP front end: a corpus of threads linked by tag, thread, address or not at
 * all; the review queue; outgoing tagging; CRM-originated mail over SMTP; one activity per message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreadCorpusTest {
    static final String JANE = "jane.doe@acme.example";
    static final UUID OPPORTUNITY = UUID.fromString("8b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e");
    static final UUID HANK = UUID.fromString("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    static final UUID ANN = UUID.fromString("11111111-2222-4333-8444-555555555555");
    static final UUID BOB = UUID.fromString("66666666-7777-4888-9999-aaaaaaaaaaaa");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    RunningBridge bridge;
    SoapMailClient agent;
    int sequence;

    @BeforeAll
    void start(@TempDir Path dir) {
        bridge = RunningBridge.start(dir, settings -> settings
                .withInternalDomains(List.of("acme.example"))
                .withSmtp(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), false, "", "", Duration.ofSeconds(10))));
        bridge.backend.records().upsert(List.of(
                RecordInput.named(RecordType.OPPORTUNITY, OPPORTUNITY.toString(), "Globex – 500 seats"),
                RecordInput.named(RecordType.CONTACT, HANK.toString(), "Hank Scorpio", "hank@globex.example"),
                RecordInput.named(RecordType.CONTACT, ANN.toString(), "Ann Initech", "shared@initech.example"),
                RecordInput.named(RecordType.CONTACT, BOB.toString(), "Bob Initech", "SHARED@initech.example")));
        agent = bridge.mailClient(Role.AGENT);
    }

    @AfterAll
    void stop() {
        bridge.close();
    }

    @Test
    void eachMailOfTheCorpusEndsWhereTheRulesSay() throws Exception {
        MailStatus first = submitAndWait(inbound("<t1@globex.example>", "hank@globex.example", "Quote CRM:{" + OPPORTUNITY + "}:MRC"));
        assertLinked(first, "TAG", OPPORTUNITY);

        MailMessage replyMail = outbound("<t2@acme.example>", "hank@globex.example", "Re: Quote")
                .toBuilder().inReplyTo("<t1@globex.example>").references(List.of("<t1@globex.example>")).build();
        MailStatus reply = submitAndWait(replyMail);
        assertLinked(reply, "THREAD", OPPORTUNITY);
        assertThat(reply.evidence()).contains("<t1@globex.example>");

        MailStatus replyToReply = submitAndWait(inbound("<t3@globex.example>", "hank@globex.example", "Re: Re: Quote")
                .toBuilder().inReplyTo("<t2@acme.example>").references(List.of("<t1@globex.example>", "<t2@acme.example>")).build());
        assertLinked(replyToReply, "THREAD", OPPORTUNITY);

        MailStatus forward = submitAndWait(outbound("<t4@acme.example>", "partner@other.example", "Fwd: Quote")
                .toBuilder().references(List.of("<t1@globex.example>")).build());
        assertLinked(forward, "THREAD", OPPORTUNITY);

        MailStatus fresh = submitAndWait(inbound("<f1@globex.example>", "Hank@Globex.example", "Something new"));
        assertLinked(fresh, "ADDRESS", HANK);
        assertThat(fresh.evidence()).containsIgnoringCase("hank@globex.example");

        MailStatus stranger = submitAndWait(inbound("<s1@nowhere.example>", "stranger@nowhere.example", "Hello"));
        assertThat(stranger.state()).isEqualTo("UNRESOLVED");
        assertThat(stranger.reason()).isEqualTo("NO_MATCH");

        MailStatus shared = submitAndWait(inbound("<a1@initech.example>", "shared@initech.example", "Who am I?"));
        assertThat(shared.state()).isEqualTo("UNRESOLVED");
        assertThat(shared.reason()).isEqualTo("AMBIGUOUS");

        MailStatus internal = submitAndWait(inbound("<i1@acme.example>", "bob@acme.example", "Coffee?"));
        assertThat(internal.state()).isEqualTo("IGNORED");
        assertThat(internal.reason()).isEqualTo("INTERNAL_ONLY");

        MailStatus internalTagged = submitAndWait(inbound("<i2@acme.example>", "bob@acme.example", "Pricing CRM:{" + OPPORTUNITY + "}:MRC"));
        assertLinked(internalTagged, "TAG", OPPORTUNITY);

        MailStatus unknownTag = submitAndWait(inbound("<u1@globex.example>", "hank@globex.example",
                "Old thing CRM:{" + UUID.randomUUID() + "}:MRC"));
        assertThat(unknownTag.state()).isEqualTo("UNRESOLVED");
        assertThat(unknownTag.reason()).isEqualTo("UNKNOWN_RECORD");

        // The review queue: the ambiguous mail lists both candidates; a lead made of the stranger takes
        // the stranger's later reply along (THREAD); the ambiguous one is ignored.
        QueuePort queue = queuePort(Role.INTEGRATOR);
        ListUnresolved ambiguousOnly = new ListUnresolved();
        ambiguousOnly.setReason("AMBIGUOUS");
        ListUnresolvedResponse ambiguous = queue.listUnresolved(ambiguousOnly);
        assertThat(ambiguous.getItem()).singleElement().satisfies(item -> {
            assertThat(item.getActivityId()).isEqualTo(shared.activityId());
            assertThat(item.getCandidate()).extracting(RecordRef::getId).containsExactlyInAnyOrder(ANN.toString(), BOB.toString());
            assertThat(item.getMailbox()).containsExactly(JANE);
        });

        CreateRecordAndLink makeLead = new CreateRecordAndLink();
        makeLead.setActivityId(stranger.activityId());
        makeLead.setType("LEAD");
        makeLead.setCompany("Nowhere Inc.");
        RecordRef lead = queue.createRecordAndLink(makeLead).getRegarding();
        assertThat(lead.getType()).isEqualTo("LEAD");
        MailStatus strangerAgain = submitAndWait(inbound("<s2@nowhere.example>", "stranger@nowhere.example", "Re: Hello")
                .toBuilder().inReplyTo("<s1@nowhere.example>").build());
        assertThat(strangerAgain.state()).isEqualTo("RECORDED");
        assertThat(strangerAgain.regardingId()).isEqualTo(lead.getId());

        IgnoreActivity ignore = new IgnoreActivity();
        ignore.setActivityId(shared.activityId());
        ignore.setNote("newsletter");
        queue.ignoreActivity(ignore);
        assertThat(queue.listUnresolved(ambiguousOnly).getItem()).isEmpty();
        assertThat(queue.listUnresolved(new ListUnresolved()).getItem())
                .extracting(i -> i.getReason()).containsOnly("UNKNOWN_RECORD");

        IgnoreActivity again = new IgnoreActivity();
        again.setActivityId(shared.activityId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> queue.ignoreActivity(again))
                .isInstanceOf(ServiceFault.class)
                .satisfies(e -> assertThat(((ServiceFault) e).getFaultInfo().getCode()).isEqualTo("NOT_UNRESOLVED"));
        assertForbidden(() -> queuePort(Role.AGENT).listUnresolved(new ListUnresolved()));
    }

    @Test
    void theSameMessageFromThreeMailboxesAtOnceIsOneActivityWithThreeSightings() throws Exception {
        UUID account = UUID.randomUUID();
        bridge.backend.records().upsert(List.of(RecordInput.named(RecordType.ACCOUNT, account.toString(), "Triplicate Ltd")));
        List<String> mailboxes = List.of(JANE, "bob@acme.example", "carol@acme.example");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<List<Receipt>>> submissions = new ArrayList<>();
            for (String mailbox : mailboxes) {
                MailMessage copy = inbound("<same@triplicate.example>", "ceo@triplicate.example", "Hello all CRM:{" + account + "}:MRC")
                        .toBuilder().mailbox(mailbox).to(mailboxes.stream().map(MailAddress::of).toList()).build();
                submissions.add(() -> bridge.mailClient(Role.AGENT).submit(List.of(copy)));
            }
            for (Future<List<Receipt>> done : pool.invokeAll(submissions)) {
                assertThat(done.get()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(Receipt.Status.ACCEPTED));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(bridge.backend.awaitIdle(Duration.ofSeconds(30))).isTrue();
        var activities = bridge.backend.activities().forRecord(account, 50, Optional.empty()).activities();
        assertThat(activities).singleElement().satisfies(a -> assertThat(a.sightings()).isEqualTo(3));
    }

    @Test
    void outgoingMailIsTaggedByTheSameRules() throws Exception {
        submitAndWait(inbound("<o1@globex.example>", "hank@globex.example", "Offer CRM:{" + OPPORTUNITY + "}:MRC"));

        TagAnswer toHank = agent.tagOutgoing(OutgoingMail.builder().mailbox(JANE).subject("Catching up")
                .to(List.of(MailAddress.of("hank@globex.example"))).build());
        TagAnswer inThread = agent.tagOutgoing(OutgoingMail.builder().mailbox(JANE).subject("Re: Offer")
                .to(List.of(MailAddress.of("someone@else.example"))).inReplyTo("<o1@globex.example>").build());
        TagAnswer toNobody = agent.tagOutgoing(OutgoingMail.builder().mailbox(JANE).subject("Hi")
                .to(List.of(MailAddress.of("nobody@nowhere.example"))).build());

        assertThat(toHank.regardingId()).isEqualTo(HANK.toString());
        assertThat(toHank.subject()).isEqualTo("Catching up CRM:{" + HANK + "}:MRC");
        assertThat(inThread.regardingId()).isEqualTo(OPPORTUNITY.toString());
        assertThat(inThread.correlation()).isEqualTo("THREAD");
        assertThat(toNobody.tag()).isEmpty();
        assertThat(toNobody.subject()).isEqualTo("Hi");
    }

    @Test
    void mailSentFromTheCrmIsTaggedDeliveredAndItsRepliesComeBackLinked() throws Exception {
        SendMail send = new SendMail();
        send.setRegardingId(OPPORTUNITY.toString());
        send.setFrom(address(JANE, "Jane Doe"));
        send.getTo().add(address("hank@globex.example", "Hank Scorpio"));
        send.setSubject("Your contract");
        send.setBody("Please find the contract details below.");
        send.setClientRef("crm-send-1");

        SendMailResponse sent = mailPort(Role.INTEGRATOR).sendMail(send);

        assertThat(sent.getSubject()).isEqualTo("Your contract CRM:{" + OPPORTUNITY + "}:MRC");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage delivered = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertThat(delivered.getSubject()).isEqualTo(sent.getSubject());
        assertThat(delivered.getMessageID()).isEqualTo(sent.getMessageId());

        MailStatus reply = submitAndWait(inbound("<c2@globex.example>", "hank@globex.example", "Re: Your contract")
                .toBuilder().inReplyTo(sent.getMessageId()).build());
        assertLinked(reply, "THREAD", OPPORTUNITY);

        assertForbidden(() -> mailPort(Role.AGENT).sendMail(send));
    }

    private MailStatus submitAndWait(MailMessage mail) throws Exception {
        List<Receipt> receipts = agent.submit(List.of(mail));
        assertThat(receipts).singleElement().satisfies(r -> assertThat(r.isAcknowledged()).as(r.toString()).isTrue());
        assertThat(bridge.backend.awaitIdle(Duration.ofSeconds(30))).isTrue();
        return agent.getMailStatus(List.of(receipts.get(0).receiptId())).get(0);
    }

    private MailMessage inbound(String messageId, String from, String subject) {
        return MailMessage.builder().clientRef("c" + (++sequence)).mailbox(JANE).folder(Folder.INBOX).messageId(messageId)
                .subject(subject).from(MailAddress.of(from)).to(List.of(MailAddress.of(JANE)))
                .postedAt(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(sequence)).body("text", false).build();
    }

    private MailMessage outbound(String messageId, String to, String subject) {
        return MailMessage.builder().clientRef("c" + (++sequence)).mailbox(JANE).folder(Folder.SENT).messageId(messageId)
                .subject(subject).from(MailAddress.of(JANE)).to(List.of(MailAddress.of(to)))
                .postedAt(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(sequence)).body("text", false).build();
    }

    private static void assertLinked(MailStatus status, String method, UUID record) {
        assertThat(status.state()).as(status.toString()).isEqualTo("RECORDED");
        assertThat(status.correlation()).as(status.toString()).isEqualTo(method);
        assertThat(status.regardingId()).as(status.toString()).isEqualTo(record.toString());
    }

    /** CXF's JAX-WS client reports a 403 as a transport error; the fault body is checked in SoapFrontEndTest. */
    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call)
                .isInstanceOf(jakarta.xml.ws.WebServiceException.class)
                .hasRootCauseInstanceOf(org.apache.cxf.transport.http.HTTPException.class)
                .rootCause().hasMessageContaining("403");
    }

    private static Address address(String email, String name) {
        Address address = new Address();
        address.setEmail(email);
        address.setDisplayName(name);
        return address;
    }

    private QueuePort queuePort(Role role) {
        return authenticated(new QueueService().getQueuePort(), "queue", role);
    }

    private MailPort mailPort(Role role) {
        return authenticated(new MailService().getMailPort(), "mail", role);
    }

    private <T> T authenticated(T port, String service, Role role) {
        BindingProvider provider = (BindingProvider) port;
        provider.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, bridge.url(service));
        provider.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, RunningBridge.userFor(role));
        provider.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, RunningBridge.PASSWORD);
        return port;
    }
}
