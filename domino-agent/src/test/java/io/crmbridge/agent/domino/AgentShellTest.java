package io.crmbridge.agent.domino;

import static io.crmbridge.agent.domino.MailFileFixture.INBOX_AGENT;
import static io.crmbridge.agent.domino.MailFileFixture.MAILBOX;
import static io.crmbridge.agent.domino.MailFileFixture.SENT_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.testing.SoapStub;
import io.crmbridge.fixtures.domino.AgentRun;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.Note;
import io.crmbridge.fixtures.domino.Selection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import lotus.domino.AgentBase;
import lotus.domino.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AgentBase shells as Domino calls them, with the real SOAP client talking to a canned HTTP server. */
class AgentShellTest {
    private final MailFileFixture f = new MailFileFixture();
    private final StringWriter output = new StringWriter();
    private SoapStub server;

    @BeforeEach
    void start() throws Exception {
        server = new SoapStub();
        server.answer((ex, req) -> SoapStub.send(ex, 200, SoapStub.operation(req).equals("TagOutgoing")
                ? SoapStub.tagAnswer(null, "s", null, null, null, null, null)
                : SoapStub.acceptingAll(req.body), true));
        f.domino.notesIni("CRMBRIDGE_URL", server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static <A extends AgentBase> void run(A agent) {
        agent.NotesMain();
    }

    private InboxAgent inboxAgent(FakeSession session) {
        return new InboxAgent() {
            @Override
            public Session getSession() {
                return session;
            }

            @Override
            public PrintWriter getAgentOutput() {
                return new PrintWriter(output, true);
            }
        };
    }

    @Test
    void theInboxAgentSubmitsOverSoapAndMarksWhatWasAccepted() {
        List<Note> inbox = new ArrayList<>();
        inbox.add(Memo.notes().from("CN=Tom Lee/O=Acme", "tom.lee@acme.example").subject("a").body("b").inInbox().build(f.mail));
        inbox.add(Memo.internet().from("bob@customer.example").to(MAILBOX).subject("c").body("d").inInbox().build(f.mail));
        FakeSession session = f.domino.agentSession(AgentRun.newMail(INBOX_AGENT, f.mail));

        run(inboxAgent(session));

        assertThat(f.mail.processedBy(INBOX_AGENT)).containsExactlyInAnyOrderElementsOf(inbox);
        assertThat(session.liveHandles()).as(session.describeLiveHandles()).isZero();
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).headers.getFirst("Authorization")).startsWith("Basic ");
        assertThat(output.toString()).contains("CRM Bridge INFO Inbox agent in mail/jdoe.nsf (jane.doe@acme.example): read 2, submitted 2, acknowledged 2")
                .doesNotContain("n0t-in-logs");
    }

    @Test
    void theSentAgentDoesTheSameForSentMail() {
        Note sent = Memo.notes().from("CN=Jane Doe/O=Acme", MAILBOX).to("bob@customer.example").subject("s").sent().build(f.mail);
        FakeSession session = f.domino.agentSession(AgentRun.newOrModified(SENT_AGENT, f.mail, Selection.all()));

        run(new SentAgent() {
            @Override
            public Session getSession() {
                return session;
            }

            @Override
            public PrintWriter getAgentOutput() {
                return new PrintWriter(output, true);
            }
        });

        assertThat(f.mail.processedBy(SENT_AGENT)).containsExactly(sent);
        assertThat(server.requests().get(0).body).contains("<m:folder>SENT</m:folder>");
        assertThat(server.requests()).extracting(SoapStub::operation).containsExactly("SubmitMail", "TagOutgoing");
        assertThat(output.toString()).doesNotContain("WARN");
    }

    @Test
    void withTheServerStoppedNothingIsMarkedAndTheLogSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        f.domino.notesIni("CRMBRIDGE_URL", "http://127.0.0.1:" + closedPort + "/services/mail");
        Memo.internet().subject("x").inInbox().build(f.mail);
        FakeSession session = f.domino.agentSession(AgentRun.newMail(INBOX_AGENT, f.mail));

        run(inboxAgent(session));

        assertThat(f.mail.processedBy(INBOX_AGENT)).isEmpty();
        assertThat(session.liveHandles()).isZero();
        assertThat(output.toString()).contains("did not acknowledge (UNREACHABLE").contains("nothing marked");
    }

    @Test
    void aShellWithoutSessionLogsInsteadOfThrowing() {
        InboxAgent agent = new InboxAgent() {
            @Override
            public PrintWriter getAgentOutput() {
                return new PrintWriter(output, true);
            }
        };

        run(agent);

        assertThat(output.toString()).contains("CRM Bridge ERROR Inbox agent failed");
    }
}
