package io.crmbridge.agent.domino;

import static io.crmbridge.agent.domino.MailFileFixture.INBOX_AGENT;
import static io.crmbridge.agent.domino.MailFileFixture.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.tag.SubjectTag;
import io.crmbridge.agent.testing.FakeTransport;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.Note;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboxRunTest {
    private static final UUID OPPORTUNITY = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID OTHER_RECORD = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private final MailFileFixture f = new MailFileFixture();

    @AfterEach
    void noHandleLeftLive() {
        if (f.lastSession != null) {
            assertThat(f.lastSession.liveHandles()).as(f.lastSession.describeLiveHandles()).isZero();
        }
        assertThat(f.log.text()).doesNotContain("n0t-in-logs");
    }

    private List<Note> aMixedInbox() {
        return List.of(
                Memo.notes().from("CN=Tom Lee/O=Acme", "tom.lee@acme.example").toPerson("CN=Jane Doe/O=Acme", MAILBOX)
                        .subject(SubjectTag.append("Offer", OPPORTUNITY)).body("internal note").inInbox().build(f.mail),
                Memo.internet().from("Bob <bob@customer.example>").to(MAILBOX).subject("Re: Offer crm: " + OPPORTUNITY + ":mrc")
                        .body("Thanks!").inInbox().build(f.mail),
                Memo.internet().from("carol@customer.example").to(MAILBOX).subject("No tag here").body("Hi").inInbox().build(f.mail),
                Memo.internet().from("dave@customer.example").to(MAILBOX).subject("Broken CRM:{" + OPPORTUNITY + ":MRC")
                        .body("x").inInbox().build(f.mail),
                Memo.internet().from("jürgen@kunde.example").to(MAILBOX).subject("Grüße aus Köln – 東京 CRM:{" + OTHER_RECORD + "}:MRC")
                        .body("Grüße").inInbox().build(f.mail));
    }

    @Test
    void submitsEveryInboxMemoAndMarksItProcessed() {
        List<Note> inbox = aMixedInbox();
        Note sent = Memo.notes().from("CN=Jane Doe/O=Acme", MAILBOX).to("bob@customer.example").subject("sent").sent().build(f.mail);

        RunSummary summary = f.inboxRun();

        List<MailMessage> submitted = f.transport.messages();
        assertThat(submitted).extracting(MailMessage::unid).containsExactlyInAnyOrderElementsOf(inbox.stream().map(Note::unid).toList());
        assertThat(submitted).allSatisfy(m -> {
            assertThat(m.folder()).isEqualTo(Folder.INBOX);
            assertThat(m.mailbox()).isEqualTo(MAILBOX);
            assertThat(m.replicaId()).isEqualTo(f.mail.replicaId());
            assertThat(m.clientRef()).isEqualTo(m.unid());
            assertThat(m.deliveredAt()).isPresent();
        });
        assertThat(submitted).extracting(m -> SubjectTag.find(m.subject()).map(SubjectTag::guid).orElse(null))
                .as("tags survive the trip: tagged, tagged in another form, untagged, malformed, non-ASCII")
                .containsExactly(OPPORTUNITY, OPPORTUNITY, null, null, OTHER_RECORD);
        assertThat(submitted.get(4).subject()).isEqualTo("Grüße aus Köln – 東京 CRM:{" + OTHER_RECORD + "}:MRC");
        assertThat(f.mail.processedBy(INBOX_AGENT)).containsExactlyInAnyOrderElementsOf(inbox);
        assertThat(f.mail.isProcessed(INBOX_AGENT, sent)).isFalse();
        assertThat(summary.read()).isEqualTo(5);
        assertThat(summary.submitted()).isEqualTo(5);
        assertThat(summary.acknowledged()).isEqualTo(5);
        assertThat(summary.left()).isZero();
        assertThat(f.log.lines()).filteredOn(l -> l.contains("Inbox agent in mail/jdoe.nsf (jane.doe@acme.example): ")).singleElement().asString()
                .contains("read 5, submitted 5, acknowledged 5, rejected 0");
    }

    @Test
    void aSecondRunSubmitsNothing() {
        aMixedInbox();
        f.inboxRun();
        int calls = f.transport.calls();

        RunSummary second = f.inboxRun();

        assertThat(f.transport.calls()).isEqualTo(calls);
        assertThat(second.read()).isZero();
    }

    @Test
    void batchesFollowTheProfilesBatchSize() {
        f.settings("BatchSize", 2.0);
        aMixedInbox();

        f.inboxRun();

        assertThat(f.transport.batches()).extracting(List::size).containsExactlyInAnyOrder(2, 2, 1);
    }

    @Test
    void anUnreadableDocumentIsLoggedAndTheRunGoesOn() {
        List<Note> inbox = aMixedInbox();
        Note broken = inbox.get(2).failReads(4000, "Database is corrupt -- Cannot allocate space");

        RunSummary summary = f.inboxRun();

        assertThat(summary.unreadable()).isEqualTo(1);
        assertThat(summary.acknowledged()).isEqualTo(4);
        assertThat(f.mail.isProcessed(INBOX_AGENT, broken)).isFalse();
        assertThat(f.mail.processedBy(INBOX_AGENT)).hasSize(4);
        assertThat(f.log.lines()).filteredOn(l -> l.contains(broken.unid())).singleElement().asString()
                .contains("could not read document").contains("Cannot allocate space").contains("4000");
    }

    @Test
    void aDocumentWhoseBodyCannotBeReadIsSkippedToo() {
        Note note = Memo.notes().subject("x").body("y").inInbox().build(f.mail).failReadingItem("Body", 4005, "Item not found");

        RunSummary summary = f.inboxRun();

        assertThat(summary.unreadable()).isEqualTo(1);
        assertThat(f.mail.isProcessed(INBOX_AGENT, note)).isFalse();
    }

    @Test
    void whenTheServiceIsDownNothingIsMarkedAndNothingLost() {
        aMixedInbox();
        f.transport = FakeTransport.down();

        RunSummary summary = f.inboxRun();

        assertThat(f.mail.processedBy(INBOX_AGENT)).isEmpty();
        assertThat(summary.acknowledged()).isZero();
        assertThat(summary.unacknowledged() + summary.left()).isEqualTo(5);
        assertThat(f.log.lines()).filteredOn(l -> l.contains("did not acknowledge")).singleElement().asString()
                .contains("UNREACHABLE").contains("nothing marked").contains("5 documents wait for the next run");

        f.transport.up();
        RunSummary next = f.inboxRun();

        assertThat(next.acknowledged()).isEqualTo(5);
        assertThat(f.mail.processedBy(INBOX_AGENT)).hasSize(5);
        assertThat(f.transport.messages()).extracting(MailMessage::unid).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void aFailureMidwayKeepsWhatWasAcknowledged() {
        f.settings("BatchSize", 2.0);
        aMixedInbox();
        f.transport = FakeTransport.accepting().failingFrom(2, "TIMEOUT");

        RunSummary summary = f.inboxRun();

        assertThat(summary.acknowledged()).isEqualTo(2);
        assertThat(f.mail.processedBy(INBOX_AGENT)).hasSize(2);
        assertThat(f.log.text()).contains("TIMEOUT").contains("2 answered documents marked");
    }

    @Test
    void aLongRunMarksWhatWasAnsweredAsItGoesAndTheRestAtTheEnd() {
        f.settings("BatchSize", 50.0);
        for (int i = 0; i < 450; i++) {
            Memo.internet().from("contact" + i + "@customer.example").to(MAILBOX).subject("Mail " + i).body("Hello")
                    .inInbox().build(f.mail);
        }
        f.transport = FakeTransport.accepting().failingFrom(6, "TIMEOUT");

        RunSummary summary = f.inboxRun();

        assertThat(summary.acknowledged()).isEqualTo(250);
        assertThat(f.mail.processedBy(INBOX_AGENT)).hasSize(250);
        assertThat(f.log.text()).contains("TIMEOUT").contains("250 answered documents marked");
        f.transport = FakeTransport.accepting();
        assertThat(f.inboxRun().acknowledged()).as("the next run sends the rest").isEqualTo(200);
        assertThat(f.mail.processedBy(INBOX_AGENT)).hasSize(450);
    }

    @Test
    void aRejectedMessageIsLoggedAndMarkedSoItDoesNotLoop() {
        List<Note> inbox = aMixedInbox();
        Note bad = inbox.get(3);
        f.transport.rejecting(bad.unid());

        RunSummary summary = f.inboxRun();

        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.acknowledged()).isEqualTo(4);
        assertThat(f.mail.isProcessed(INBOX_AGENT, bad)).isTrue();
        assertThat(f.log.lines()).filteredOn(l -> l.contains(bad.unid())).singleElement().asString()
                .contains("rejected").contains("INVALID_MESSAGE").contains("refused by the test");
        int calls = f.transport.calls();
        f.inboxRun();
        assertThat(f.transport.calls()).isEqualTo(calls);
    }

    @Test
    void stopsTakingDocumentsWhenTheTimeBudgetIsSpent() {
        f.settings("TimeBudgetSeconds", 300.0);
        List<Note> inbox = aMixedInbox();
        f.clock = MailFileFixture.ticking(Duration.ofSeconds(100)); // read at the start and before each document

        RunSummary first = f.inboxRun();

        assertThat(first.read()).isEqualTo(2);
        assertThat(first.left()).isEqualTo(3);
        assertThat(f.mail.processedBy(INBOX_AGENT)).containsExactlyElementsOf(inbox.subList(0, 2));
        assertThat(f.log.text()).contains("time budget of 300 s spent; 3 documents wait for the next run");

        f.clock = MailFileFixture.ticking(Duration.ZERO);
        RunSummary second = f.inboxRun();

        assertThat(second.read()).isEqualTo(3);
        assertThat(f.mail.processedBy(INBOX_AGENT)).containsExactlyInAnyOrderElementsOf(inbox);
    }

    @Test
    void skipsAndMarksWhatIsNoMemo() {
        Note invitation = Memo.internet().subject("Meeting").inInbox().item("Form", "Notice").build(f.mail);
        Note memo = Memo.internet().subject("Memo").inInbox().build(f.mail);

        RunSummary summary = f.inboxRun();

        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(f.transport.messages()).extracting(MailMessage::unid).containsExactly(memo.unid());
        assertThat(f.mail.processedBy(INBOX_AGENT)).containsExactlyInAnyOrder(invitation, memo);
    }

    @Test
    void withoutAUrlTheRunSaysSoOnceAndDoesNothing() {
        f.domino.notesIni("CRMBRIDGE_URL", "");
        aMixedInbox();
        f.transport = null; // opening a transport would fail the run

        RunSummary summary = f.inboxRun();

        assertThat(summary.read()).isZero();
        assertThat(f.mail.processedBy(INBOX_AGENT)).isEmpty();
        assertThat(f.log.lines()).singleElement().asString()
                .contains("not configured").contains("CRMBRIDGE_URL is not set").contains("nothing done");
    }

    @Test
    void aSwitchedOffMailFileIsLeftAlone() {
        f.settings("Enabled", "0");
        aMixedInbox();

        RunSummary summary = f.inboxRun();

        assertThat(summary.read()).isZero();
        assertThat(f.transport.calls()).isZero();
        assertThat(f.log.lines()).singleElement().asString().contains("switched off");
    }

    @Test
    void aBadSettingIsReportedAndItsDefaultUsed() {
        f.settings("BatchSize", "many");
        aMixedInbox();

        RunSummary summary = f.inboxRun();

        assertThat(summary.acknowledged()).isEqualTo(5);
        assertThat(f.log.text()).contains("BatchSize in CRMBridgeSettings is 'many'");
    }

    @Test
    void theMailboxMayComeFromTheCalendarProfile() {
        f.settings("MailboxAddress", "");
        f.mail.profile("CalendarProfile").set("Owner", "Jane Doe <jane.d@acme.example>");
        Memo.internet().subject("x").inInbox().build(f.mail);

        f.inboxRun();

        assertThat(f.transport.messages()).extracting(MailMessage::mailbox).containsExactly("jane.d@acme.example");
    }

    @Test
    void withoutAMailboxAddressTheInboxRunDoesNothing() {
        f.settings("MailboxAddress", "");
        f.mail.profile("CalendarProfile").set("Owner", "CN=Jane Doe/O=Acme"); // no directory to look it up in
        Memo.internet().subject("x").inInbox().build(f.mail);

        RunSummary summary = f.inboxRun();

        assertThat(summary.read()).isZero();
        assertThat(f.transport.calls()).isZero();
        assertThat(f.log.text()).contains("cannot tell the mailbox's internet address").contains("MailboxAddress");
    }

    @Test
    void cutsBodiesAtTheProfilesLimit() {
        f.settings("BodyLimitKB", 1.0);
        Memo.notes().subject("long").body("z".repeat(3000)).inInbox().build(f.mail);

        f.inboxRun();

        MailMessage m = f.transport.messages().get(0);
        assertThat(m.body()).hasSize(1024);
        assertThat(m.bodyTruncated()).isTrue();
    }

    @Test
    void leavesMimeConversionAsItFoundIt() throws Exception {
        Memo.internet().subject("x").inInbox().build(f.mail);

        f.inboxRun();

        assertThat(f.lastSession.isConvertMime()).isTrue();
    }
}
