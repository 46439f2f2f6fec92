package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.settings.AgentSettings;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.agent.core.tag.OutgoingMail;
import io.crmbridge.agent.core.tag.SubjectTag;
import io.crmbridge.agent.core.tag.TagAnswer;
import lotus.domino.AgentContext;
import lotus.domino.Database;
import lotus.domino.Document;
import lotus.domino.NotesException;
import lotus.domino.Session;

/**
 * The work of the Tag On Send agent: run from the memo form's QuerySend with the memo being sent as
 * its document context, it asks the service for the memo's tag within the short tag timeout and
 * appends it to the in-memory memo's Subject, which the caller then sends. It never saves the memo
 * (the send does), never tags twice, and whatever fails, the mail leaves untagged and unharmed: the
 * run logs one line and never throws.
 */
public final class TagOnSendRun {
    private final Session session;
    private final AgentLog log;
    private final TagServices services;
    /** "Tag on send in mail/jdoe.nsf", the start of every log line. */
    private String who = "Tag on send";

    /** The production run: the SOAP client. */
    public TagOnSendRun(Session session, AgentLog log) {
        this(session, log, TagServices.soap(log));
    }

    /** A run with its own tag service (opened from the run's settings), for tests. */
    public TagOnSendRun(Session session, AgentLog log, TagServices services) {
        if (session == null || log == null || services == null) {
            throw new IllegalArgumentException("tag on send needs a session, a log and a tag service");
        }
        this.session = session;
        this.log = log;
        this.services = services;
    }

    /** Tags the memo of the document context if the service names its record; never throws. */
    public TagOutcome run() {
        try {
            boolean converting = session.isConvertMime();
            // Reading a MIME memo with conversion on would turn the body being sent into rich text.
            session.setConvertMime(false);
            try {
                return tag();
            } finally {
                session.setConvertMime(converting);
            }
        } catch (NotesException e) {
            log.warn(who + ": could not tag the memo: " + Notes.reason(e) + "; the mail leaves untagged");
        } catch (RuntimeException e) {
            log.warn(who + ": could not tag the memo: " + Notes.reason(e) + " (" + e.getClass().getSimpleName()
                    + "); the mail leaves untagged");
        }
        return TagOutcome.FAILED;
    }

    private TagOutcome tag() throws NotesException {
        AgentContext context = session.getAgentContext();
        Database db = context == null ? null : context.getCurrentDatabase(); // Domino's own handles
        Document memo = context == null ? null : context.getDocumentContext(); // the caller's: never saved, never recycled
        if (memo == null) {
            log.warn(who + " has no memo to tag: run it with RunWithDocumentContext from the memo's QuerySend");
            return TagOutcome.NO_DOCUMENT;
        }
        who = "Tag on send in " + MailboxOwner.path(db);
        DocumentItems items = new DocumentItems(memo);
        String subject = items.text("Subject");
        if (SubjectTag.find(subject).isPresent()) {
            return TagOutcome.ALREADY_TAGGED;
        }
        AgentSettings settings = RunSettings.read(session, db, log);
        if (settings.problem().isPresent()) {
            log.warn(who + " is not configured: " + settings.problem().get() + " (on the computer that sends the mail); the mail leaves untagged");
            return TagOutcome.NOT_CONFIGURED;
        }
        if (!settings.enabled() || !settings.tagOutgoing()) {
            return TagOutcome.OFF;
        }
        String unid = memo.getUniversalID();
        String mailbox = mailbox(settings, db, items);
        if (mailbox.isEmpty()) {
            log.warn(who + " cannot tell the mailbox's internet address: set " + AgentSettings.MAILBOX_ADDRESS
                    + " in the CRM Bridge settings; memo " + unid + " leaves untagged");
            return TagOutcome.NOT_CONFIGURED;
        }
        OutgoingMail mail = OutgoingMemo.read(items, mailbox);
        TagAnswer answer;
        try {
            answer = services.open(settings).tagOutgoing(mail);
        } catch (TransportException e) {
            log.warn(who + " (" + mailbox + "): no tag for memo " + unid + " (" + e.code() + ": " + e.getMessage()
                    + "); it leaves untagged");
            return TagOutcome.FAILED;
        }
        if (!answer.subjectTag().isPresent()) {
            if (!answer.tag().isEmpty()) {
                log.warn(who + " (" + mailbox + "): the service answered '" + answer.tag() + "', which is not a tag; memo "
                        + unid + " leaves untagged");
            }
            return TagOutcome.NO_TAG;
        }
        SubjectTag tag = answer.subjectTag().get();
        Handles.recycle(memo.replaceItemValue("Subject", tag.appendTo(subject)));
        log.info(who + " (" + mailbox + "): memo " + unid + " tagged " + tag.text() + describe(answer));
        return TagOutcome.TAGGED;
    }

    /** MailboxOwner's answer, else the memo's own sender address (a memo in the making often has only From). */
    private String mailbox(AgentSettings settings, Database db, DocumentItems items) throws NotesException {
        String mailbox = MailboxOwner.find(session, db, settings.mailboxAddress(), log);
        if (!mailbox.isEmpty()) {
            return mailbox;
        }
        MailAddress sender = MemoReader.sender(items);
        return sender == null ? "" : sender.email();
    }

    private static String describe(TagAnswer answer) {
        StringBuilder b = new StringBuilder();
        if (!answer.regardingId().isEmpty()) {
            b.append(" (").append(answer.regardingType().isEmpty() ? "record" : answer.regardingType()).append(' ')
                    .append(answer.regardingId());
            if (!answer.correlation().isEmpty()) {
                b.append(", by ").append(answer.correlation());
            }
            b.append(')');
        }
        return b.toString();
    }
}
