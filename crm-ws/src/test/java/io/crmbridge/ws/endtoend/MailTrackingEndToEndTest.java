package io.crmbridge.ws.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.soap.MailStatus;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.MailTransport;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.domino.InboxRun;
import io.crmbridge.agent.domino.RunSummary;
import io.crmbridge.agent.domino.SentRun;
import io.crmbridge.agent.domino.Transports;
import io.crmbridge.backend.access.Role;
import io.crmbridge.backend.activity.ActivitySummary;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.fixtures.domino.AgentRun;
import io.crmbridge.fixtures.domino.FakeDomino;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.Note;
import io.crmbridge.fixtures.domino.Nsf;
import io.crmbridge.fixtures.domino.Selection;
import io.crmbridge.ws.server.RunningBridge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole spine: the real agent classes read an in-memory Domino mail file and submit through
 * their own SOAP client to a real CXF server on a loopback port, backed by a real H2 database.
 */
class MailTrackingEndToEndTest {
    static final String INBOX_AGENT = "CRM Bridge Inbox";
    static final String SENT_AGENT = "CRM Bridge Sent";
    static final String MAILBOX = "jane.doe@acme.example";
    static final UUID OPPORTUNITY = UUID.fromString("8b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e");
    static final UUID CASE = UUID.fromString("9c4d5e6f-7081-4c9d-aebf-2a3b4c5d6e7f");
    static final UUID LEAD = UUID.fromString("ad5e6f70-8192-4dae-bfc0-3b4c5d6e7f80");
    static final String UNKNOWN = "00000000-1111-2222-3333-444444444444";

    @TempDir
    Path dir;

    final FakeDomino domino = new FakeDomino();
    final Nsf mail = domino.createDatabase("mail/jdoe.nsf", "Jane Doe");
    final StringWriter agentLog = new StringWriter();
    /** Receipts the agent's real SOAP client got, by client reference (the document UNID). */
    final Map<String, Receipt> receipts = new HashMap<>();
    FakeSession lastSession;

    @Test
    void tagsLinkMailToRecordsAndTheRestWaitsInTheQueueWithItsReason() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(dir)) {
            seedRecords(bridge);
            configureAgent(bridge.url("mail"));
            Note quote = Memo.internet().from("Hank Scorpio <hank@globex.example>").to(MAILBOX)
                    .subject("Quote CRM:{" + OPPORTUNITY.toString().toUpperCase() + "}:MRC").messageId("<q1@globex.example>")
                    .body("See the quote.").html("<p>See the <b>quote</b>.</p>").inInbox().build(mail);
            Note internal = Memo.notes().from("CN=Bob Builder/O=Acme", "bob@acme.example").toPerson("CN=Jane Doe/O=Acme", MAILBOX)
                    .subject("Escalation CRM: " + CASE + ":MRC").messageId("<n1@acme.example>").body("Please call them.").inInbox().build(mail);
            Note untagged = Memo.internet().from("hank@globex.example").to(MAILBOX).subject("Lunch?").messageId("<l1@globex.example>")
                    .body("Tuesday?").inInbox().build(mail);
            Note unknown = Memo.internet().from("billing@initech.example").to(MAILBOX).subject("Invoice CRM:{" + UNKNOWN + "}:MRC")
                    .messageId("<i1@initech.example>").body("Pay.").inInbox().build(mail);
            Note malformed = Memo.internet().from("support@globex.example").to(MAILBOX).subject("Ticket CRM:12345:MRC")
                    .messageId("<t1@globex.example>").body("A malformed tag is no tag.").inInbox().build(mail);
            Note turkish = Memo.internet().from("ayse@agaoglu.example").to(MAILBOX).subject("Teklif – Ağaoğlu & Sons crm:" + LEAD + ":mrc")
                    .messageId("<k1@agaoglu.example>").body("Merhaba, İyi günler!").base64().attachment("teklif.pdf", 2048).inInbox().build(mail);
            Note reply = Memo.notes().from("CN=Jane Doe/O=Acme", MAILBOX).toPerson("Hank Scorpio", "hank@globex.example")
                    .subject("Re: Quote CRM:{" + OPPORTUNITY + "}:MRC").messageId("<r1@acme.example>").inReplyTo("<q1@globex.example>")
                    .body("Thanks, Hank.").sent().build(mail);
            Note draft = Memo.notes().from("CN=Jane Doe/O=Acme", MAILBOX).toPerson("Hank Scorpio", "hank@globex.example")
                    .subject("Unfinished CRM:{" + OPPORTUNITY + "}:MRC").body("…").draft().build(mail);

            RunSummary inbox = inboxRun(Transports.soap(log()));
            assertThat(lastSession.liveHandles()).as(lastSession.describeLiveHandles()).isZero();
            RunSummary sent = sentRun(Transports.soap(log()));
            assertThat(lastSession.liveHandles()).as(lastSession.describeLiveHandles()).isZero();

            assertThat(inbox.acknowledged()).as(agentLog.toString()).isEqualTo(6);
            assertThat(sent.acknowledged()).as(agentLog.toString()).isEqualTo(1);
            for (Note note : List.of(quote, internal, untagged, unknown, malformed, turkish)) {
                assertThat(mail.isProcessed(INBOX_AGENT, note)).as(note.unid()).isTrue();
            }
            assertThat(mail.isProcessed(SENT_AGENT, reply)).isTrue();
            assertThat(receipts).doesNotContainKey(draft.unid());
            assertThat(agentLog.toString()).doesNotContain(RunningBridge.PASSWORD);

            assertThat(bridge.backend.awaitIdle(Duration.ofSeconds(30))).isTrue();
            Map<String, MailStatus> status = statusByUnid(bridge);
            assertRecorded(status.get(quote.unid()), "OPPORTUNITY", OPPORTUNITY);
            assertRecorded(status.get(internal.unid()), "CASE", CASE);
            assertRecorded(status.get(turkish.unid()), "LEAD", LEAD);
            assertRecorded(status.get(reply.unid()), "OPPORTUNITY", OPPORTUNITY);
            assertUnresolved(status.get(untagged.unid()), "NO_MATCH");
            assertUnresolved(status.get(malformed.unid()), "NO_MATCH");
            assertUnresolved(status.get(unknown.unid()), "UNKNOWN_RECORD");
            assertThat(status.get(unknown.unid()).detail()).contains(UNKNOWN);

            List<ActivitySummary> onOpportunity = bridge.backend.activities().forRecord(OPPORTUNITY, 50, Optional.empty()).activities();
            assertThat(onOpportunity).extracting(ActivitySummary::direction).containsExactlyInAnyOrder(Direction.INBOUND, Direction.OUTBOUND);
            assertThat(onOpportunity).extracting(ActivitySummary::subject).contains("Re: Quote CRM:{" + OPPORTUNITY + "}:MRC");
            List<ActivitySummary> onLead = bridge.backend.activities().forRecord(LEAD, 50, Optional.empty()).activities();
            assertThat(onLead).singleElement().satisfies(a -> assertThat(a.subject()).startsWith("Teklif – Ağaoğlu & Sons"));

            receipts.clear();
            RunSummary again = inboxRun(Transports.soap(log()));
            RunSummary sentAgain = sentRun(Transports.soap(log()));
            assertThat(again.submitted()).isZero();
            assertThat(sentAgain.submitted()).isZero();
            assertThat(receipts).isEmpty();
        }
    }

    @Test
    void withTheServerDownNothingIsMarkedAndTheNextRunRecordsEverythingOnce() throws Exception {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notes.add(Memo.internet().from("hank@globex.example").to(MAILBOX).subject("Mail " + i + " CRM:{" + OPPORTUNITY + "}:MRC")
                    .messageId("<down-" + i + "@globex.example>").body("body " + i).inInbox().build(mail));
        }
        configureAgent("http://127.0.0.1:1/services/mail");

        RunSummary down = inboxRun(Transports.soap(log()));

        assertThat(down.acknowledged()).isZero();
        assertThat(mail.processedBy(INBOX_AGENT)).isEmpty();
        assertThat(lastSession.liveHandles()).as(lastSession.describeLiveHandles()).isZero();
        assertThat(agentLog.toString()).contains("UNREACHABLE");

        try (RunningBridge bridge = RunningBridge.start(dir)) {
            seedRecords(bridge);
            configureAgent(bridge.url("mail"));
            RunSummary up = inboxRun(Transports.soap(log()));
            RunSummary after = inboxRun(Transports.soap(log()));

            assertThat(up.acknowledged()).isEqualTo(5);
            assertThat(after.submitted()).isZero();
            assertThat(mail.processedBy(INBOX_AGENT)).hasSize(5);
            assertThat(bridge.backend.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(receipts.values()).extracting(Receipt::status).containsOnly(Receipt.Status.ACCEPTED);
            assertThat(bridge.backend.activities().forRecord(OPPORTUNITY, 50, Optional.empty()).activities()).hasSize(5);
        }
    }

    private void seedRecords(RunningBridge bridge) {
        bridge.backend.records().upsert(List.of(
                record(RecordType.OPPORTUNITY, OPPORTUNITY, "Globex – 500 seats"),
                record(RecordType.CASE, CASE, "Outlook add-in does not start"),
                record(RecordType.LEAD, LEAD, "Ayşe Ağaoğlu")));
    }

    private static RecordInput record(RecordType type, UUID id, String name) {
        return new RecordInput(type, Optional.of(id.toString()), name, "", "", "", List.of(), "", "", "", "", "", "", "", "", "", "", "",
                Optional.empty(), "");
    }

    private void configureAgent(String url) {
        domino.notesIni("CRMBRIDGE_URL", url)
                .notesIni("CRMBRIDGE_USER", RunningBridge.userFor(Role.AGENT))
                .notesIni("CRMBRIDGE_PASSWORD", RunningBridge.PASSWORD);
        mail.profile("CRMBridgeSettings").set("MailboxAddress", MAILBOX);
    }

    private RunSummary inboxRun(Transports transports) {
        lastSession = domino.agentSession(AgentRun.newMail(INBOX_AGENT, mail));
        return new InboxRun(lastSession, log(), recording(transports), java.time.Clock.systemUTC()).run();
    }

    private RunSummary sentRun(Transports transports) {
        lastSession = domino.agentSession(AgentRun.newOrModified(SENT_AGENT, mail, Selection.all()));
        return new SentRun(lastSession, log(), recording(transports), java.time.Clock.systemUTC()).run();
    }

    /** The real transport, watched: every receipt it returns is kept by client reference. */
    private Transports recording(Transports real) {
        return settings -> {
            MailTransport transport = real.open(settings);
            return batch -> {
                List<Receipt> answered = transport.submit(batch);
                answered.forEach(r -> receipts.put(r.clientRef(), r));
                return answered;
            };
        };
    }

    private Map<String, MailStatus> statusByUnid(RunningBridge bridge) throws Exception {
        SoapMailClient client = bridge.mailClient(Role.AGENT);
        Map<String, String> unidByReceipt = new HashMap<>();
        receipts.forEach((unid, receipt) -> unidByReceipt.put(receipt.receiptId(), unid));
        Map<String, MailStatus> byUnid = new HashMap<>();
        for (MailStatus s : client.getMailStatus(new ArrayList<>(unidByReceipt.keySet()))) {
            byUnid.put(unidByReceipt.get(s.receiptId()), s);
        }
        return byUnid;
    }

    private static void assertRecorded(MailStatus status, String type, UUID id) {
        assertThat(status).isNotNull();
        assertThat(status.state()).as(status.toString()).isEqualTo("RECORDED");
        assertThat(status.regardingType()).isEqualTo(type);
        assertThat(status.regardingId()).isEqualTo(id.toString());
        assertThat(status.correlation()).isEqualTo("TAG");
        assertThat(status.activityId()).isNotEmpty();
    }

    private static void assertUnresolved(MailStatus status, String reason) {
        assertThat(status).isNotNull();
        assertThat(status.state()).as(status.toString()).isEqualTo("UNRESOLVED");
        assertThat(status.reason()).isEqualTo(reason);
    }

    private AgentLog log() {
        return AgentLog.to(new PrintWriter(agentLog, true));
    }

}
