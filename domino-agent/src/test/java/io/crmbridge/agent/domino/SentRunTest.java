package io.crmbridge.agent.domino;

import static io.crmbridge.agent.domino.MailFileFixture.MAILBOX;
import static io.crmbridge.agent.domino.MailFileFixture.SENT_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.testing.FakeTransport;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.Note;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentRunTest {
    private final MailFileFixture f = new MailFileFixture();

    @AfterEach
    void noHandleLeftLive() {
        if (f.lastSession != null) {
            assertThat(f.lastSession.liveHandles()).as(f.lastSession.describeLiveHandles()).isZero();
        }
    }

    private Note sentNotesMemo(String subject) {
        return Memo.notes().from("CN=Jane Doe/O=Acme", "Jane Doe <" + MAILBOX + ">").to("bob@customer.example")
                .toPerson("CN=Tom Lee/O=Acme", "tom.lee@acme.example").subject(subject).body("text").sent().build(f.mail);
    }

    @Test
    void submitsSentMemosOnlyAndMarksEverythingItLookedAt() {
        Note notesMemo = sentNotesMemo("Offer CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC");
        Note internetMemo = Memo.internet().from("Jane Doe <" + MAILBOX + ">").to("carol@customer.example")
                .subject("Re: question").body("answer").sent().build(f.mail);
        Note received = Memo.internet().subject("received").inInbox().build(f.mail);
        Note draft = Memo.notes().subject("draft").draft().build(f.mail);
        Note appointment = Memo.notes().subject("Lunch").sent().item("Form", "Appointment").build(f.mail);
        Note conflict = sentNotesMemo("conflict");
        conflict.set("$Conflict", "");

        RunSummary summary = f.sentRun();

        assertThat(f.transport.messages()).extracting(MailMessage::unid).containsExactly(notesMemo.unid(), internetMemo.unid());
        assertThat(f.transport.messages()).allSatisfy(m -> {
            assertThat(m.folder()).isEqualTo(Folder.SENT);
            assertThat(m.mailbox()).isEqualTo(MAILBOX);
            assertThat(m.postedAt()).isPresent();
            assertThat(m.deliveredAt()).isEmpty();
        });
        MailMessage first = f.transport.messages().get(0);
        assertThat(first.from()).contains(MailAddress.of(MAILBOX, "Jane Doe", "CN=Jane Doe/O=Acme"));
        assertThat(first.to()).containsExactly(MailAddress.of("bob@customer.example"),
                MailAddress.of("tom.lee@acme.example", "Tom Lee", "CN=Tom Lee/O=Acme"));
        assertThat(summary.skipped()).isEqualTo(4);
        assertThat(f.mail.processedBy(SENT_AGENT))
                .containsExactlyInAnyOrder(notesMemo, internetMemo, received, draft, appointment, conflict);
    }

    @Test
    void aSecondRunSubmitsNothing() {
        sentNotesMemo("one");
        Memo.notes().subject("draft").draft().build(f.mail);
        f.sentRun();
        int calls = f.transport.calls();

        RunSummary second = f.sentRun();

        assertThat(second.read()).isZero();
        assertThat(f.transport.calls()).isEqualTo(calls);
    }

    @Test
    void aDraftThatIsSentLaterIsSubmittedThen() {
        Note draft = Memo.notes().from("CN=Jane Doe/O=Acme", MAILBOX).to("bob@customer.example").subject("draft").draft().build(f.mail);
        f.sentRun();
        assertThat(f.transport.messages()).isEmpty();

        draft.set("PostedDate", Instant.parse("2024-05-02T09:00:00Z"));
        f.sentRun();

        assertThat(f.transport.messages()).extracting(MailMessage::unid).containsExactly(draft.unid());
    }

    @Test
    void aModifiedSentMemoIsSentAgainAndAnsweredAsDuplicate() {
        Note memo = sentNotesMemo("one");
        f.sentRun();

        memo.set("Categories", "Customers");
        RunSummary second = f.sentRun();

        assertThat(second.acknowledged()).isEqualTo(1);
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isTrue();
        assertThat(f.transport.messages()).hasSize(2);
    }

    @Test
    void withoutAConfiguredMailboxEachMemosSenderIsTheMailbox() {
        f.settings("MailboxAddress", "");
        sentNotesMemo("one");

        f.sentRun();

        assertThat(f.transport.messages()).extracting(MailMessage::mailbox).containsExactly(MAILBOX);
    }

    @Test
    void aSentMemoWithNoAddressToGoByIsUnreadableNotLost() {
        f.settings("MailboxAddress", "");
        Note memo = Memo.notes().from("CN=Jane Doe/O=Acme").to("bob@customer.example").subject("x").sent().build(f.mail);

        RunSummary summary = f.sentRun();

        assertThat(summary.unreadable()).isEqualTo(1);
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isFalse();
        assertThat(f.log.text()).contains(memo.unid()).contains("MailboxAddress");
    }

    @Test
    void whenTheServiceIsDownEvenSkippedDocumentsWait() {
        sentNotesMemo("one");
        Memo.notes().subject("draft").draft().build(f.mail);
        f.transport = FakeTransport.down();

        f.sentRun();

        assertThat(f.mail.processedBy(SENT_AGENT)).isEmpty();
    }
}
