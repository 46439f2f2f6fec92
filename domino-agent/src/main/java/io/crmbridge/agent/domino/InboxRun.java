package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.Folder;
import java.time.Clock;
import lotus.domino.Session;

/**
 * The work of the "After new mail has arrived" agent: received memos among the agent's unprocessed
 * documents go to the service as INBOX mail; anything else (invitations, delivery reports) is marked processed.
 */
public final class InboxRun {
    private final Session session;
    private final AgentLog log;
    private final Transports transports;
    private final Clock clock;

    /** The production run: the SOAP client, the system clock. */
    public InboxRun(Session session, AgentLog log) {
        this(session, log, Transports.soap(log), Clock.systemUTC());
    }

    /** A run with its own transport (opened from the run's settings) and clock, for tests. */
    public InboxRun(Session session, AgentLog log, Transports transports, Clock clock) {
        this.session = session;
        this.log = log;
        this.transports = transports;
        this.clock = clock;
    }

    /** Runs once over the unprocessed documents; never throws, logs what happened and answers the counts. */
    public RunSummary run() {
        return new MailRun(session, log, Folder.INBOX, MemoKind.RECEIVED, "Inbox", transports, null, clock).run();
    }
}
