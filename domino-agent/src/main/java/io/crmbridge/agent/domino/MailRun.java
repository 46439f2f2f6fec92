package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.settings.AgentSettings;
import io.crmbridge.agent.core.submit.MailSubmitter;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.SubmissionReport;
import io.crmbridge.agent.core.submit.TransportException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lotus.domino.AgentContext;
import lotus.domino.Database;
import lotus.domino.Document;
import lotus.domino.DocumentCollection;
import lotus.domino.NotesException;
import lotus.domino.Session;

/**
 * One run of an agent over its unprocessed documents: read each memo of the wanted kind on this
 * thread, hand it to the submitter (which sends batches on its own threads), mark processed what the
 * service has answered as the answers come in, and at the end the rest of the answered documents, plus
 * the documents that are not this agent's business.
 * Nothing is marked while the service is failing; what is not done waits for the next run. A Sent run
 * also tags the Sent copies of acknowledged mail before marking them ({@link SentCopies}).
 */
final class MailRun {
    private final Session session;
    private final AgentLog log;
    private final Folder folder;
    private final MemoKind wanted;
    private final String label;
    private final Transports transports;
    private final TagServices tagServices;
    private final Clock clock;

    /** Documents read between two rounds of marking what the service has answered so far. */
    private static final int MARK_EVERY = 100;

    private final List<String> skipped = new ArrayList<String>();
    /** "Inbox agent in mail/jdoe.nsf", the start of every log line. */
    private String who;
    private int read;
    private int submitted;
    private int unreadable;
    private int left;
    private int acknowledged;
    private int rejected;
    /** Tags the Sent copies of acknowledged mail; null when this run tags nothing. */
    private SentCopies sentCopies;

    /** @param tagServices where the Sent run asks for tags of the copies it links; null for no tagging */
    MailRun(Session session, AgentLog log, Folder folder, MemoKind wanted, String label, Transports transports,
            TagServices tagServices, Clock clock) {
        if (session == null || log == null || transports == null || clock == null) {
            throw new IllegalArgumentException("a run needs a session, a log, a transport and a clock");
        }
        this.session = session;
        this.log = log;
        this.folder = folder;
        this.wanted = wanted;
        this.label = label;
        this.transports = transports;
        this.tagServices = tagServices;
        this.clock = clock;
        this.who = label + " agent";
    }

    RunSummary run() {
        long start = clock.millis();
        try {
            return runChecked(start);
        } catch (NotesException e) {
            log.error(who + ": run failed: " + Notes.reason(e) + "; nothing more done", null);
        } catch (RuntimeException e) {
            log.error(who + ": run failed; nothing more done", e);
        }
        return RunSummary.nothing(clock.millis() - start);
    }

    private RunSummary runChecked(long start) throws NotesException {
        AgentContext context = session.getAgentContext();
        Database db = context.getCurrentDatabase(); // Domino's own handles: not recycled here
        who = label + " agent in " + MailboxOwner.path(db);
        AgentSettings settings = RunSettings.read(session, db, log);
        if (settings.problem().isPresent()) {
            log.warn(who + " is not configured: " + settings.problem().get()
                    + "; nothing done");
            return RunSummary.nothing(clock.millis() - start);
        }
        if (!settings.enabled()) {
            log.info(who + " is switched off (" + AgentSettings.ENABLED + " in "
                    + AgentSettings.PROFILE + "); nothing done");
            return RunSummary.nothing(clock.millis() - start);
        }
        String mailbox = MailboxOwner.find(session, db, settings.mailboxAddress(), log);
        if (mailbox.isEmpty() && folder == Folder.INBOX) {
            log.warn(who + " cannot tell the mailbox's internet address: set "
                    + AgentSettings.MAILBOX_ADDRESS + " in the CRM Bridge settings (or the owner in the calendar profile); nothing done");
            return RunSummary.nothing(clock.millis() - start);
        }
        if (folder == Folder.SENT && tagServices != null && settings.tagOutgoing()) {
            sentCopies = new SentCopies(tagServices, settings, log, who, clock, start + settings.timeBudget().toMillis());
        }
        boolean converting = session.isConvertMime();
        session.setConvertMime(false); // MIME bodies must stay MIME to be read as such
        try {
            MemoReader reader = new MemoReader(session, folder, mailbox, db.getReplicaID(), settings.bodyLimitChars());
            SubmissionReport report = readAndSubmit(context, db, reader, settings, start);
            return finish(context, db, report, settings, mailbox, start);
        } finally {
            session.setConvertMime(converting);
        }
    }

    private SubmissionReport readAndSubmit(AgentContext context, Database db, MemoReader reader, AgentSettings settings,
            long start) throws NotesException {
        long budget = settings.timeBudget().toMillis();
        MailSubmitter submitter = new MailSubmitter(transports.open(settings), settings.submitterSettings(), log);
        try (Handles h = new Handles()) {
            DocumentCollection docs = h.hold(context.getUnprocessedDocuments());
            int total = docs.getCount();
            Document doc = docs.getFirstDocument();
            while (doc != null) {
                Document next = null;
                try {
                    if (clock.millis() - start >= budget) {
                        left = total - read;
                        log.info(who + ": time budget of " + settings.timeBudget().getSeconds()
                                + " s spent; " + left + " documents wait for the next run");
                        break;
                    }
                    read++;
                    if (!take(doc, reader, submitter)) {
                        left = total - read;
                        break;
                    }
                    if (read % MARK_EVERY == 0) {
                        // answers already given are durable: marked now, they are not sent again when the time budget cuts the run short
                        markAnswered(context, db, submitter.takeAnswered());
                    }
                    next = docs.getNextDocument(doc);
                } finally {
                    Handles.recycle(doc);
                }
                doc = next;
            }
            return submitter.finish();
        } finally {
            submitter.close();
        }
    }

    /** Reads one document and submits it; false when the submitter has stopped. */
    private boolean take(Document doc, MemoReader reader, MailSubmitter submitter) {
        String unid = "(unknown UNID)";
        try {
            unid = doc.getUniversalID();
            if (MemoKind.of(new DocumentItems(doc)) != wanted) {
                skipped.add(unid);
                return true;
            }
            MailMessage message = reader.read(doc);
            if (sentCopies != null) {
                sentCopies.remember(message);
            }
            submitted++;
            return submitter.submit(message);
        } catch (NotesException e) {
            unreadable(unid, Notes.reason(e));
        } catch (RuntimeException e) {
            unreadable(unid, Notes.reason(e));
        }
        return true;
    }

    private void unreadable(String unid, String reason) {
        unreadable++;
        log.warn(who + ": could not read document " + unid + ": " + reason
                + "; skipped, it is tried again next run");
    }

    private RunSummary finish(AgentContext context, Database db, SubmissionReport report, AgentSettings settings,
            String mailbox, long start) {
        markAnswered(context, db, report.receipts());
        if (report.failure().isPresent()) {
            TransportException f = report.failure().get();
            int answered = acknowledged + rejected;
            log.warn(who + ": the service at " + settings.endpoint() + " did not acknowledge ("
                    + f.code() + ": " + f.getMessage() + "); " + (answered == 0 ? "nothing marked" : answered + " answered documents marked")
                    + ", " + (report.unacknowledged().size() + left) + " documents wait for the next run");
        } else {
            for (String unid : skipped) {
                markProcessed(context, db, unid, false);
            }
        }
        if (sentCopies != null) {
            sentCopies.report();
        }
        RunSummary summary = new RunSummary(read, submitted, acknowledged, rejected, report.unacknowledged().size(),
                skipped.size(), unreadable, left, sentCopies == null ? 0 : sentCopies.tagged(), clock.millis() - start);
        log.info(who + (mailbox.isEmpty() ? "" : " (" + mailbox + ")") + ": " + summary);
        return summary;
    }

    private void markAnswered(AgentContext context, Database db, List<Receipt> receipts) {
        for (Receipt r : receipts) {
            if (r.isAcknowledged()) {
                acknowledged++;
            } else {
                rejected++;
                log.warn(who + ": the service rejected document " + r.clientRef() + ": " + r.faultCode()
                        + " " + r.reason() + "; marked processed so it is not sent again");
            }
            markProcessed(context, db, r.clientRef(), r.isAcknowledged());
        }
    }

    /** Marks the document processed; an acknowledged Sent copy is tagged and saved first (a save unmarks it). */
    private void markProcessed(AgentContext context, Database db, String unid, boolean acknowledged) {
        try (Handles h = new Handles()) {
            Document doc = h.hold(db.getDocumentByUNID(unid));
            if (acknowledged && sentCopies != null) {
                sentCopies.tag(doc, unid);
            }
            context.updateProcessedDoc(doc);
        } catch (NotesException e) {
            log.warn(who + ": could not mark document " + unid + " processed: " + Notes.reason(e));
        }
    }
}
