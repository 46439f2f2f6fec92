package io.crmbridge.agent.domino;

import static io.crmbridge.agent.domino.MailFileFixture.MAILBOX;
import static io.crmbridge.agent.testing.FakeTagService.GUID;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.tag.OutgoingMail;
import io.crmbridge.agent.core.tag.TagAnswer;
import io.crmbridge.agent.testing.FakeTagService;
import io.crmbridge.fixtures.domino.AgentRun;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.Note;
import lotus.domino.Document;
import lotus.domino.MIMEEntity;
import lotus.domino.NotesException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tag on send on the in-memory Domino, with a fake tag service: the memo being sent is the document context. */
class TagOnSendRunTest {
    static final String TAG_AGENT = "CRM Bridge Tag On Send";
    static final String TAG = "CRM:{" + GUID + "}:MRC";

    private final MailFileFixture f = new MailFileFixture();
    private FakeTagService tags = FakeTagService.tagging();
    private FakeSession session;

    @AfterEach
    void noHandleLeftLive() {
        if (session != null) {
            assertThat(session.liveHandles()).as(session.describeLiveHandles()).isZero();
        }
    }

    private Note memo(String subject) {
        return Memo.notes().from("CN=Jane Doe/O=Acme").to("bob@customer.example").subject(subject).body("Dear Bob")
                .draft().build(f.mail);
    }

    /** A run on the memo; a second call runs again on the same in-memory memo, as a second QuerySend would. */
    private TagOutcome tagOnSend(Note memo) {
        if (session == null) {
            session = f.domino.agentSession(AgentRun.onDocument(TAG_AGENT, f.mail, memo));
        }
        return new TagOnSendRun(session, f.log, settings -> tags).run();
    }

    /** The subject of the in-memory memo the caller goes on to send. */
    private String subjectSent() throws NotesException {
        return session.getAgentContext().getDocumentContext().getItemValueString("Subject");
    }

    @Test
    void appendsTheTagToTheMemoBeingSentWithoutSavingIt() throws Exception {
        Note memo = memo("Offer");
        int version = memo.sequence();

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.TAGGED);

        assertThat(subjectSent()).isEqualTo("Offer " + TAG);
        assertThat(memo.text("Subject")).as("the stored memo is untouched: the send saves it").isEqualTo("Offer");
        assertThat(memo.sequence()).isEqualTo(version);
        OutgoingMail asked = tags.asked().get(0);
        assertThat(asked.mailbox()).isEqualTo(MAILBOX);
        assertThat(asked.subject()).isEqualTo("Offer");
        assertThat(asked.to()).containsExactly(MailAddress.of("bob@customer.example"));
        assertThat(f.log.text()).contains("Tag on send in mail/jdoe.nsf (" + MAILBOX + "): memo " + memo.unid() + " tagged " + TAG
                + " (contact " + GUID + ", by ADDRESS)");
    }

    @Test
    void tagsOnceWhenRunAgainOnTheSameMemo() throws Exception {
        Note memo = memo("Offer");

        tagOnSend(memo);
        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.ALREADY_TAGGED);

        assertThat(subjectSent()).isEqualTo("Offer " + TAG);
        assertThat(tags.asked()).hasSize(1);
    }

    @Test
    void aSubjectWithATagIsLeftAloneAndTheServiceNotAsked() throws Exception {
        String subject = "Re: Offer crm: {0F8FAD5B-D9CB-469F-A165-70867728950E}:mrc (revised)";
        Note memo = memo(subject);

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.ALREADY_TAGGED);

        assertThat(subjectSent()).isEqualTo(subject);
        assertThat(tags.asked()).isEmpty();
    }

    @Test
    void noTagAnsweredLeavesTheSubjectAsItIs() throws Exception {
        tags = FakeTagService.noTag();
        Note memo = memo("Lunch?");

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.NO_TAG);

        assertThat(subjectSent()).isEqualTo("Lunch?");
        assertThat(f.log.lines()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotATagIsNoTag() throws Exception {
        tags = FakeTagService.answering(mail -> new TagAnswer("CRM:not-a-guid:MRC", mail.subject() + " CRM:not-a-guid:MRC",
                "", "", "", "", ""));
        Note memo = memo("Offer");

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.NO_TAG);

        assertThat(subjectSent()).isEqualTo("Offer");
        assertThat(f.log.text()).contains("which is not a tag");
    }

    @Test
    void whenTheServiceFailsTheMailLeavesUntaggedWithOneLogLine() throws Exception {
        tags = FakeTagService.failing("TIMEOUT");
        Note memo = memo("Offer");

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.FAILED);

        assertThat(subjectSent()).isEqualTo("Offer");
        assertThat(f.log.lines()).hasSize(1);
        assertThat(f.log.text()).contains("no tag for memo " + memo.unid() + " (TIMEOUT: ").contains("it leaves untagged");
    }

    @Test
    void whateverThrowsStaysInsideTheRun() throws Exception {
        tags = FakeTagService.answering(mail -> {
            throw new IllegalStateException("boom");
        });
        Note memo = memo("Offer");

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.FAILED);

        assertThat(subjectSent()).isEqualTo("Offer");
        assertThat(f.log.lines()).hasSize(1);
        assertThat(f.log.text()).contains("could not tag the memo: boom");
    }

    @Test
    void aDominoFailureStaysInsideTheRunToo() throws Exception {
        Note memo = memo("Offer");
        memo.failReadingItem("SendTo", 4000, "item unreadable");

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.FAILED);

        assertThat(f.log.text()).contains("item unreadable").contains("the mail leaves untagged");
        memo.clearFaults();
        assertThat(subjectSent()).isEqualTo("Offer");
    }

    @Test
    void sendsRecipientsAndThreadingIds() {
        Note memo = Memo.notes().from("CN=Jane Doe/O=Acme").to("bob@customer.example").toPerson("CN=Tom Lee/O=Acme", "tom.lee@acme.example")
                .cc("carol@customer.example").bcc("boss@acme.example").subject("Re: Offer")
                .inReplyTo("<parent@customer.example>").references("<root@customer.example>", "<parent@customer.example>")
                .draft().build(f.mail);

        tagOnSend(memo);

        OutgoingMail asked = tags.asked().get(0);
        assertThat(asked.to()).containsExactly(MailAddress.of("bob@customer.example"),
                MailAddress.of("tom.lee@acme.example", "Tom Lee", "CN=Tom Lee/O=Acme"));
        assertThat(asked.cc()).containsExactly(MailAddress.of("carol@customer.example"));
        assertThat(asked.bcc()).containsExactly(MailAddress.of("boss@acme.example"));
        assertThat(asked.inReplyTo()).isEqualTo("<parent@customer.example>");
        assertThat(asked.references()).containsExactly("<root@customer.example>", "<parent@customer.example>");
    }

    @Test
    void withoutAConfiguredMailboxTheSenderIsTheMailbox() {
        f.settings("MailboxAddress", "");
        Note memo = Memo.notes().from("CN=Jane Doe/O=Acme", "Jane Doe <" + MAILBOX + ">").to("bob@customer.example")
                .subject("Offer").draft().build(f.mail);

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.TAGGED);

        assertThat(tags.asked().get(0).mailbox()).isEqualTo(MAILBOX);
    }

    @Test
    void withNoMailboxAddressAtAllNothingIsAsked() throws Exception {
        f.settings("MailboxAddress", "");
        Note memo = memo("Offer");

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.NOT_CONFIGURED);

        assertThat(tags.asked()).isEmpty();
        assertThat(subjectSent()).isEqualTo("Offer");
        assertThat(f.log.text()).contains("MailboxAddress");
    }

    @Test
    void withoutAUrlNothingIsAsked() throws Exception {
        f.domino.notesIni("CRMBRIDGE_URL", "");
        Note memo = memo("Offer");

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.NOT_CONFIGURED);

        assertThat(tags.asked()).isEmpty();
        assertThat(subjectSent()).isEqualTo("Offer");
        assertThat(f.log.lines()).hasSize(1);
        assertThat(f.log.text()).contains("CRMBRIDGE_URL is not set in notes.ini");
    }

    @Test
    void switchedOffInTheSettingsNothingIsAsked() {
        Note memo = memo("Offer");
        f.settings("TagOutgoing", "0");
        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.OFF);

        f.settings("TagOutgoing", "1").settings("Enabled", "0");
        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.OFF);

        assertThat(tags.asked()).isEmpty();
        assertThat(f.log.lines()).isEmpty();
    }

    @Test
    void aMimeMemoStaysMime() throws Exception {
        Note memo = Memo.internet().from("Jane Doe <" + MAILBOX + ">").to("bob@customer.example").subject("Offer")
                .body("Grüße").draft().build(f.mail);
        session = f.domino.agentSession(AgentRun.onDocument(TAG_AGENT, f.mail, memo));

        assertThat(tagOnSend(memo)).isEqualTo(TagOutcome.TAGGED);

        assertThat(session.isConvertMime()).as("restored").isTrue();
        Document sent = session.getAgentContext().getDocumentContext();
        MIMEEntity body = sent.getMIMEEntity("Body");
        assertThat(body).as("the body the caller sends is still MIME").isNotNull();
        body.recycle();
        assertThat(subjectSent()).isEqualTo("Offer " + TAG);
    }

    @Test
    void withoutADocumentContextNothingHappens() {
        session = f.domino.agentSession(AgentRun.newMail(TAG_AGENT, f.mail));

        assertThat(new TagOnSendRun(session, f.log, settings -> tags).run()).isEqualTo(TagOutcome.NO_DOCUMENT);

        assertThat(tags.asked()).isEmpty();
        assertThat(f.log.text()).contains("RunWithDocumentContext");
    }
}
