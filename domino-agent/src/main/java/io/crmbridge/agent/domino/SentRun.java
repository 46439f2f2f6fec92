package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.Folder;
import java.time.Clock;
import lotus.domino.Session;

/**
 * The work of the scheduled agent over new and modified documents: sent memos (a PostedDate, no
 * DeliveredDate, not a draft) go to the service as SENT mail; anything else is marked processed so it
 * is not looked at again until it changes (a draft that is sent becomes a sent memo then). The Sent
 * copy of acknowledged mail whose subject has no tag gets its record's tag, when the service names one.
 */
public final class SentRun {
    private final Session session;
    private final AgentLog log;
    private final Transports transports;
    private final TagServices tagServices;
    private final Clock clock;

    /** The production run: the SOAP client, the system clock. */
    public SentRun(Session session, AgentLog log) {
        this(session, log, Transports.soap(log), TagServices.soap(log), Clock.systemUTC());
    }

    /** A run with its own transport and clock that tags no Sent copies, for tests. */
    public SentRun(Session session, AgentLog log, Transports transports, Clock clock) {
        this(session, log, transports, clock, null);
    }

    /** A run with its own transport, tag service (both opened from the run's settings) and clock. */
    public SentRun(Session session, AgentLog log, Transports transports, TagServices tagServices, Clock clock) {
        this(session, log, transports, clock, required(tagServices));
    }

    private SentRun(Session session, AgentLog log, Transports transports, Clock clock, TagServices tagServices) {
        this.session = session;
        this.log = log;
        this.transports = transports;
        this.tagServices = tagServices;
        this.clock = clock;
    }

    private static TagServices required(TagServices services) {
        if (services == null) {
            throw new IllegalArgumentException("a Sent run that tags needs a tag service");
        }
        return services;
    }

    /** Runs once over the unprocessed documents; never throws, logs what happened and answers the counts. */
    public RunSummary run() {
        return new MailRun(session, log, Folder.SENT, MemoKind.SENT, "Sent", transports, tagServices, clock).run();
    }
}
