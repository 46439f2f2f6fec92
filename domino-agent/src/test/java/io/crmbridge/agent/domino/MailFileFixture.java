package io.crmbridge.agent.domino;

import io.crmbridge.agent.testing.CapturingLog;
import io.crmbridge.agent.testing.FakeTransport;
import io.crmbridge.fixtures.domino.AgentRun;
import io.crmbridge.fixtures.domino.FakeDomino;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Nsf;
import io.crmbridge.fixtures.domino.Selection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Jane Doe's mail file on an in-memory server configured for CRM Bridge, and the runs of both agents on it. */
final class MailFileFixture {
    static final String INBOX_AGENT = "CRM Bridge Inbox";
    static final String SENT_AGENT = "CRM Bridge Sent";
    static final String MAILBOX = "jane.doe@acme.example";

    final FakeDomino domino = new FakeDomino();
    final Nsf mail = domino.createDatabase("mail/jdoe.nsf", "Jane Doe");
    final CapturingLog log = new CapturingLog();
    FakeTransport transport = FakeTransport.accepting();
    /** The clock the runs see; by default it stands still. */
    Clock clock = Clock.fixed(Instant.parse("2024-05-02T08:00:00Z"), ZoneOffset.UTC);
    /** The session of the last run, to count the handles it left live. */
    FakeSession lastSession;

    MailFileFixture() {
        domino.notesIni("CRMBRIDGE_URL", "https://crm.example/services/mail")
                .notesIni("CRMBRIDGE_USER", "agent")
                .notesIni("CRMBRIDGE_PASSWORD", "n0t-in-logs");
        settings("MailboxAddress", MAILBOX);
    }

    MailFileFixture settings(String item, Object value) {
        mail.profile("CRMBridgeSettings").set(item, value);
        return this;
    }

    RunSummary inboxRun() {
        lastSession = domino.agentSession(AgentRun.newMail(INBOX_AGENT, mail));
        return new InboxRun(lastSession, log, settings -> transport, clock).run();
    }

    RunSummary sentRun() {
        lastSession = domino.agentSession(AgentRun.newOrModified(SENT_AGENT, mail, Selection.all()));
        return new SentRun(lastSession, log, settings -> transport, clock).run();
    }

    /** A Sent run that also tags the Sent copies of what it links, asking the given service. */
    RunSummary sentRun(TagServices tags) {
        lastSession = domino.agentSession(AgentRun.newOrModified(SENT_AGENT, mail, Selection.all()));
        return new SentRun(lastSession, log, settings -> transport, tags, clock).run();
    }

    /** A clock that moves on by the step every time it is read. */
    static Clock ticking(Duration step) {
        return new Clock() {
            private Instant now = Instant.parse("2024-05-02T08:00:00Z");

            @Override
            public synchronized Instant instant() {
                Instant at = now;
                now = now.plus(step);
                return at;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }
}
