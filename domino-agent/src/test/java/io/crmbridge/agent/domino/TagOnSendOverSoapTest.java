package io.crmbridge.agent.domino;

import static io.crmbridge.agent.domino.TagOnSendRunTest.TAG;
import static io.crmbridge.agent.domino.TagOnSendRunTest.TAG_AGENT;
import static io.crmbridge.agent.testing.FakeTagService.GUID;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.testing.MailContract;
import io.crmbridge.agent.testing.SoapStub;
import io.crmbridge.fixtures.domino.AgentRun;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.Note;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import lotus.domino.NotesException;
import lotus.domino.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tag on send with the real SOAP client against a canned HTTP server: answered, slow, unreachable, refused. */
class TagOnSendOverSoapTest {
    private final MailFileFixture f = new MailFileFixture();
    private SoapStub server;
    private FakeSession session;
    private Note memo;

    @BeforeEach
    void start() throws Exception {
        server = new SoapStub();
        server.answer((ex, req) -> SoapStub.send(ex, 200, SoapStub.tagAnswer(TAG, "Offer " + TAG, "opportunity", GUID,
                "Big deal", "THREAD", "&lt;parent@customer.example&gt;"), false));
        f.domino.notesIni("CRMBRIDGE_URL", server.url());
        // Generous here: the first call of a cold JVM loads the HTTP classes; the slow-server test tightens it.
        f.settings("TagTimeoutMillis", 5000);
        memo = Memo.notes().from("CN=Jane Doe/O=Acme").to("bob@customer.example").subject("Offer")
                .inReplyTo("<parent@customer.example>").draft().build(f.mail);
        session = f.domino.agentSession(AgentRun.onDocument(TAG_AGENT, f.mail, memo));
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(session.liveHandles()).as(session.describeLiveHandles()).isZero();
    }

    private TagOutcome run() {
        return new TagOnSendRun(session, f.log).run();
    }

    private String subjectSent() throws NotesException {
        return session.getAgentContext().getDocumentContext().getItemValueString("Subject");
    }

    @Test
    void asksTheServiceAndAppendsTheTag() throws Exception {
        assertThat(run()).isEqualTo(TagOutcome.TAGGED);

        assertThat(subjectSent()).isEqualTo("Offer " + TAG);
        SoapStub.Request req = server.requests().get(0);
        assertThat(SoapStub.operation(req)).isEqualTo("TagOutgoing");
        assertThat(req.headers.getFirst("Authorization")).startsWith("Basic ");
        MailContract.validatePayload(req.body);
        assertThat(req.body).contains("<m:mailbox>jane.doe@acme.example</m:mailbox>")
                .contains("<m:inReplyTo>&lt;parent@customer.example&gt;</m:inReplyTo>");
        assertThat(f.log.text()).contains("(opportunity " + GUID + ", by THREAD)").doesNotContain("n0t-in-logs");
    }

    @Test
    void aSlowServiceLeavesTheMailUntaggedWithinTheTimeout() throws Exception {
        f.settings("TagTimeoutMillis", 200);
        server.answer((ex, req) -> {
            try {
                server.release.await(10, TimeUnit.SECONDS); // far longer than the 200 ms the agent waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        long started = System.nanoTime();
        assertThat(run()).isEqualTo(TagOutcome.FAILED);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(millis).as("returned within the tag timeout (and some slack), not the server's 10 s").isLessThan(2000);
        assertThat(subjectSent()).isEqualTo("Offer");
        assertThat(f.log.lines()).hasSize(1);
        assertThat(f.log.text()).contains("(TIMEOUT: ").contains("it leaves untagged");
    }

    @Test
    void anUnreachableServiceLeavesTheMailUntagged() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        f.domino.notesIni("CRMBRIDGE_URL", "http://127.0.0.1:" + closedPort + "/services/mail");

        assertThat(run()).isEqualTo(TagOutcome.FAILED);

        assertThat(subjectSent()).isEqualTo("Offer");
        assertThat(f.log.lines()).hasSize(1);
        assertThat(f.log.text()).contains("(UNREACHABLE: ");
    }

    @Test
    void aRefusingServiceLeavesTheMailUntagged() throws Exception {
        server.answer((ex, req) -> SoapStub.send(ex, 401, SoapStub.fault("AUTHENTICATION_FAILED", "wrong user or password"), false));

        assertThat(run()).isEqualTo(TagOutcome.FAILED);

        assertThat(subjectSent()).isEqualTo("Offer");
        assertThat(f.log.text()).contains("(AUTHENTICATION_FAILED: wrong user or password)");
    }

    @Test
    void theAgentShellTagsAsQuerySendCallsIt() throws Exception {
        StringWriter output = new StringWriter();
        TagOnSendAgent agent = new TagOnSendAgent() {
            @Override
            public Session getSession() {
                return session;
            }

            @Override
            public PrintWriter getAgentOutput() {
                return new PrintWriter(output, true);
            }
        };

        agent.NotesMain();

        assertThat(subjectSent()).isEqualTo("Offer " + TAG);
        assertThat(memo.text("Subject")).as("not saved").isEqualTo("Offer");
        assertThat(output.toString()).contains("CRM Bridge INFO Tag on send in mail/jdoe.nsf (jane.doe@acme.example): memo "
                + memo.unid() + " tagged " + TAG);
    }

    @Test
    void theAgentShellNeverThrowsIntoTheCaller() {
        StringWriter output = new StringWriter();
        TagOnSendAgent agent = new TagOnSendAgent() {
            @Override
            public Session getSession() {
                throw new IllegalStateException("no session in this test");
            }

            @Override
            public PrintWriter getAgentOutput() {
                return new PrintWriter(output, true);
            }
        };

        agent.NotesMain();

        assertThat(output.toString()).contains("CRM Bridge ERROR Tag on send failed; the mail leaves untagged");
        assertThat(server.requests()).isEmpty();
    }
}
