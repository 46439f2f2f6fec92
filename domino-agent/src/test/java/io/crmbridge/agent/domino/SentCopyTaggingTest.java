package io.crmbridge.agent.domino;

import static io.crmbridge.agent.domino.MailFileFixture.MAILBOX;
import static io.crmbridge.agent.domino.MailFileFixture.SENT_AGENT;
import static io.crmbridge.agent.domino.TagOnSendRunTest.TAG;
import static io.crmbridge.agent.testing.FakeTagService.GUID;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.agent.core.tag.TagAnswer;
import io.crmbridge.agent.testing.FakeTagService;
import io.crmbridge.agent.testing.FakeTransport;
import io.crmbridge.agent.testing.MailContract;
import io.crmbridge.agent.testing.SoapStub;
import io.crmbridge.fixtures.domino.AgentRun;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.Note;
import io.crmbridge.fixtures.domino.Selection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Sent run tags the Sent copy of mail it linked, saves it, and still marks it processed. */
class SentCopyTaggingTest {
    private final MailFileFixture f = new MailFileFixture();
    private FakeTagService tags = FakeTagService.tagging();

    @AfterEach
    void noHandleLeftLive() {
        if (f.lastSession != null) {
            assertThat(f.lastSession.liveHandles()).as(f.lastSession.describeLiveHandles()).isZero();
        }
    }

    private Note sent(String subject) {
        return Memo.notes().from("CN=Jane Doe/O=Acme", "Jane Doe <" + MAILBOX + ">").to("bob@customer.example")
                .subject(subject).body("text").sent().build(f.mail);
    }

    private RunSummary run() {
        return f.sentRun(settings -> tags);
    }

    @Test
    void tagsTheSentCopyAndStillMarksItProcessed() {
        Note memo = sent("Offer");

        RunSummary summary = run();

        assertThat(memo.text("Subject")).isEqualTo("Offer " + TAG);
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).as("marked after the save").isTrue();
        assertThat(summary.tagged()).isEqualTo(1);
        assertThat(f.transport.messages().get(0).subject()).as("submitted as it was sent").isEqualTo("Offer");
        assertThat(tags.asked()).hasSize(1);
        assertThat(tags.asked().get(0).mailbox()).isEqualTo(MAILBOX);
        assertThat(tags.asked().get(0).to()).containsExactly(MailAddress.of("bob@customer.example"));
        assertThat(f.log.text()).contains("tagged 1");

        RunSummary second = run();

        assertThat(second.read()).as("the tagged copy is not new to the next run").isZero();
        assertThat(tags.asked()).hasSize(1);
        assertThat(memo.text("Subject")).isEqualTo("Offer " + TAG);
    }

    @Test
    void aCopyWithATagIsNotAskedAbout() {
        Note memo = sent("Offer CRM:{" + GUID + "}:MRC");
        int version = memo.sequence();

        RunSummary summary = run();

        assertThat(tags.asked()).isEmpty();
        assertThat(memo.sequence()).isEqualTo(version);
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isTrue();
        assertThat(summary.tagged()).isZero();
    }

    @Test
    void aSignedOrEncryptedCopyIsLeftAsItIs() {
        Note signed = Memo.notes().from("CN=Jane Doe/O=Acme", MAILBOX).to("bob@customer.example").subject("signed")
                .item("$Signature", "signature bytes").sent().build(f.mail);
        Note sealed = Memo.notes().from("CN=Jane Doe/O=Acme", MAILBOX).to("bob@customer.example").subject("sealed")
                .item("$Seal", "sealed bytes").sent().build(f.mail);
        int signedVersion = signed.sequence();

        run();

        assertThat(tags.asked()).isEmpty();
        assertThat(signed.sequence()).isEqualTo(signedVersion);
        assertThat(sealed.text("Subject")).isEqualTo("sealed");
        assertThat(f.mail.processedBy(SENT_AGENT)).containsExactlyInAnyOrder(signed, sealed);
    }

    @Test
    void noTagAnsweredLeavesTheCopyUnsaved() {
        tags = FakeTagService.noTag();
        Note memo = sent("Lunch?");
        int version = memo.sequence();

        run();

        assertThat(memo.text("Subject")).isEqualTo("Lunch?");
        assertThat(memo.sequence()).isEqualTo(version);
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isTrue();
    }

    @Test
    void whenTheServiceFailsTheRestIsNotAskedAndEverythingIsStillMarked() {
        tags = FakeTagService.failing("UNREACHABLE");
        List<Note> memos = List.of(sent("one"), sent("two"), sent("three"));

        RunSummary summary = run();

        assertThat(tags.asked()).as("one failure stops asking for this run").hasSize(1);
        assertThat(memos).allSatisfy(m -> {
            assertThat(m.text("Subject")).doesNotContain("CRM:");
            assertThat(f.mail.isProcessed(SENT_AGENT, m)).isTrue();
        });
        assertThat(summary.acknowledged()).isEqualTo(3);
        assertThat(f.log.lines()).filteredOn(l -> l.startsWith("WARN")).hasSize(1);
        assertThat(f.log.text()).contains("stopped tagging Sent copies (UNREACHABLE: ").contains("3 stay untagged, 0 tagged");
    }

    @Test
    void aRefusedMessageDoesNotStopTheOthers() {
        tags = FakeTagService.answering(mail -> {
            if (mail.subject().equals("bad")) {
                throw new TransportException("INVALID_REQUEST", "subject too long");
            }
            return FakeTagService.tag(GUID).answer(mail);
        });
        Note bad = sent("bad");
        Note good = sent("good");

        RunSummary summary = run();

        assertThat(bad.text("Subject")).isEqualTo("bad");
        assertThat(good.text("Subject")).isEqualTo("good " + TAG);
        assertThat(summary.tagged()).isEqualTo(1);
        assertThat(f.mail.processedBy(SENT_AGENT)).containsExactlyInAnyOrder(bad, good);
    }

    @Test
    void onlyAcknowledgedMailIsAskedAbout() {
        Note rejected = sent("rejected");
        Note draft = Memo.notes().from("CN=Jane Doe/O=Acme").to("bob@customer.example").subject("draft").draft().build(f.mail);
        f.transport.rejecting(rejected.unid());

        run();

        assertThat(tags.asked()).isEmpty();
        assertThat(rejected.text("Subject")).isEqualTo("rejected");
        assertThat(draft.text("Subject")).isEqualTo("draft");
    }

    @Test
    void whenSubmissionFailsNothingIsAskedOrMarked() {
        Note memo = sent("Offer");
        f.transport = FakeTransport.down();

        run();

        assertThat(tags.asked()).isEmpty();
        assertThat(memo.text("Subject")).isEqualTo("Offer");
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isFalse();
    }

    @Test
    void noTagIsAskedOnceTheTimeBudgetIsSpent() {
        MovableClock clock = new MovableClock();
        f.clock = clock;
        f.transport = FakeTransport.accepting().withHook((n, batch) -> clock.advance(Duration.ofMinutes(6)));
        Note memo = sent("Offer");

        run();

        assertThat(tags.asked()).isEmpty();
        assertThat(memo.text("Subject")).isEqualTo("Offer");
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isTrue();
        assertThat(f.log.text()).contains("stopped tagging Sent copies (the time budget of 300 s is spent); 1 stay untagged");
    }

    @Test
    void switchedOffNothingIsAsked() {
        f.settings("TagOutgoing", "0");
        Note memo = sent("Offer");

        run();

        assertThat(tags.asked()).isEmpty();
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isTrue();
    }

    @Test
    void anInvalidTagAnswerLeavesTheCopyAlone() {
        tags = FakeTagService.answering(mail -> new TagAnswer("CRM:{nope}:MRC", mail.subject(), "", "", "", "", ""));
        Note memo = sent("Offer");

        run();

        assertThat(memo.text("Subject")).isEqualTo("Offer");
        assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isTrue();
    }

    @Test
    void overSoapTheCopyIsTaggedAfterItsSubmission() throws Exception {
        try (SoapStub server = new SoapStub()) {
            server.answer((ex, req) -> SoapStub.send(ex, 200, SoapStub.operation(req).equals("TagOutgoing")
                    ? SoapStub.tagAnswer(TAG, "Offer " + TAG, "contact", GUID, "Bob Baker", "ADDRESS", "bob@customer.example")
                    : SoapStub.acceptingAll(req.body), false));
            f.domino.notesIni("CRMBRIDGE_URL", server.url());
            Note memo = sent("Offer");

            RunSummary summary = productionRun();

            assertThat(server.requests()).extracting(SoapStub::operation).containsExactly("SubmitMail", "TagOutgoing");
            MailContract.validatePayload(server.requests().get(1).body);
            assertThat(memo.text("Subject")).isEqualTo("Offer " + TAG);
            assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isTrue();
            assertThat(summary.tagged()).isEqualTo(1);
        }
    }

    @Test
    void overSoapASlowTagLeavesTheCopyUntaggedButMarked() throws Exception {
        try (SoapStub server = new SoapStub()) {
            server.answer((ex, req) -> {
                if (SoapStub.operation(req).equals("TagOutgoing")) {
                    try {
                        server.release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    SoapStub.send(ex, 200, SoapStub.acceptingAll(req.body), false);
                }
            });
            f.domino.notesIni("CRMBRIDGE_URL", server.url());
            f.settings("TagTimeoutMillis", 200);
            Note memo = sent("Offer");

            long started = System.nanoTime();
            productionRun();

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
            assertThat(memo.text("Subject")).isEqualTo("Offer");
            assertThat(f.mail.isProcessed(SENT_AGENT, memo)).isTrue();
            assertThat(f.log.text()).contains("stopped tagging Sent copies (TIMEOUT: ");
        }
    }

    /** The production Sent run: the real SOAP client for submissions and tags, the system clock. */
    private RunSummary productionRun() {
        f.lastSession = f.domino.agentSession(AgentRun.newOrModified(SENT_AGENT, f.mail, Selection.all()));
        return new SentRun(f.lastSession, f.log).run();
    }

    /** A clock that stands still until a test moves it. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2024-05-02T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
