package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.settings.AgentSettings;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.agent.core.tag.OutgoingMail;
import io.crmbridge.agent.core.tag.SubjectTag;
import io.crmbridge.agent.core.tag.TagAnswer;
import io.crmbridge.agent.core.tag.TagService;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import lotus.domino.Document;
import lotus.domino.NotesException;

/**
 * Tags the Sent copy of mail the service acknowledged, so the user sees which record it went to: for
 * each sent memo whose subject had no tag, one {@code TagOutgoing} call, and when a tag comes back it
 * is appended to the copy's Subject and the copy saved (the caller marks it processed after that, as a
 * save makes a document unprocessed again). Signed or encrypted copies are left as they are. Best effort: a failure leaves the copy untagged and never
 * stops the marking; after a failure of the service as a whole, or once the time budget is spent, the
 * rest of the run asks nothing more.
 */
final class SentCopies {
    private final TagServices services;
    private final AgentSettings settings;
    private final AgentLog log;
    private final String who;
    private final Clock clock;
    private final long deadline;
    private final Map<String, OutgoingMail> untagged = new HashMap<String, OutgoingMail>();
    private TagService service;
    private String stoppedBecause = "";
    private int tagged;
    private int failed;
    private int notAsked;

    /** @param deadline the clock millis after which no tag is asked (the run's time budget) */
    SentCopies(TagServices services, AgentSettings settings, AgentLog log, String who, Clock clock, long deadline) {
        this.services = services;
        this.settings = settings;
        this.log = log;
        this.who = who;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** Notes a sent message read this run; only one without a tag in its subject is asked about later. */
    void remember(MailMessage message) {
        if (!SubjectTag.find(message.subject()).isPresent() && !message.unid().isEmpty()) {
            untagged.put(message.unid(), OutgoingMail.of(message));
        }
    }

    /** Tags the acknowledged copy when the service names its record, and saves it; never throws. */
    void tag(Document doc, String unid) {
        OutgoingMail mail = untagged.remove(unid);
        if (mail == null) {
            return;
        }
        if (!stoppedBecause.isEmpty() || !withinBudget()) {
            notAsked++;
            return;
        }
        try {
            DocumentItems items = new DocumentItems(doc);
            if (sealedOrSigned(items)) {
                return; // a save would break the signature the user sees, or write items the server cannot read
            }
            TagAnswer answer = service().tagOutgoing(mail);
            if (!answer.subjectTag().isPresent()) {
                return;
            }
            SubjectTag tag = answer.subjectTag().get();
            String subject = items.text("Subject");
            if (SubjectTag.find(subject).isPresent()) {
                return; // tagged meanwhile (tag on send, or the user)
            }
            Handles.recycle(doc.replaceItemValue("Subject", tag.appendTo(subject)));
            if (doc.save(false)) {
                tagged++;
            } else {
                failed++;
                log.warn(who + ": Sent copy " + unid + " changed while it was tagged; it stays untagged");
            }
        } catch (TransportException e) {
            failed++;
            if ("INVALID_REQUEST".equals(e.code())) {
                log.warn(who + ": no tag for Sent copy " + unid + " (" + e.code() + ": " + e.getMessage() + ")");
            } else {
                stoppedBecause = e.code() + ": " + e.getMessage();
            }
        } catch (NotesException e) {
            failed++;
            log.warn(who + ": could not tag Sent copy " + unid + ": " + Notes.reason(e));
        } catch (RuntimeException e) {
            failed++;
            stoppedBecause = Notes.reason(e);
        }
    }

    private static boolean sealedOrSigned(DocumentItems items) throws NotesException {
        return items.has("$Signature") || items.has("$Seal") || items.has("$SealData");
    }

    private boolean withinBudget() {
        if (clock.millis() < deadline) {
            return true;
        }
        stoppedBecause = "the time budget of " + settings.timeBudget().getSeconds() + " s is spent";
        return false;
    }

    private TagService service() {
        if (service == null) {
            service = services.open(settings);
        }
        return service;
    }

    int tagged() {
        return tagged;
    }

    /** One line when tagging stopped early, naming why and how many copies stay untagged. */
    void report() {
        if (!stoppedBecause.isEmpty()) {
            log.warn(who + ": stopped tagging Sent copies (" + stoppedBecause + "); " + (failed + notAsked)
                    + " stay untagged, " + tagged + " tagged");
        }
    }
}
