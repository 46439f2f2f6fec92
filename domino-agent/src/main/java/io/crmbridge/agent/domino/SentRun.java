package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.Folder;
import java.time.Clock;
import lotus.domino.Session;

/**
 * The work of the scheduled agent over new and modified documents: sent memos (a PostedDate, no
 * DeliveredDate, not a draft) go to the service as SENT mail; anything else is marked processed so it
 * is not looked at again until it changes (a draft that is sent becomes a sent memo then).
 */
public final class SentRun {
    private final Session session;
    private final AgentLog log;
    private final Transports transports;
    private final Clock clock;

    /** The production run: the SOAP client, the system clock. */
    public SentRun(Session session, AgentLog log) {
        this(session, log, Transports.soap(log), Clock.systemUTC());
    }

    /** A run with its own transport (opened from the run's settings) and clock, for tests. */
    public SentRun(Session session, AgentLog log, Transports transports, Clock clock) {
        this.session = session;
        this.log = log;
        this.transports = transports;
        this.clock = clock;
    }

    /** Runs once over the unprocessed documents; never throws, logs what happened and answers the counts. */
    public RunSummary run() {
        return new MailRun(session, log, Folder.SENT, MemoKind.SENT, "Sent", transports, clock).run();
    }
}
