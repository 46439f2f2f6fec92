package io.crmbridge.backend.recording;

import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.activity.PartyRole;
import io.crmbridge.backend.correlation.Correlation;
import io.crmbridge.backend.correlation.CorrelationChain;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailJson;
import io.crmbridge.backend.intake.MessageKey;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.mailbox.SystemUsers;
import io.crmbridge.backend.store.Savepoints;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one submission into an activity, or into one more sighting of the activity its message already
 * is. Runs inside the worker's transaction; throws when the submission cannot be recorded.
 */
final class ActivityRecorder {
    private final CorrelationChain chain;
    private final ActivityRows rows = new ActivityRows();

    ActivityRecorder(CorrelationChain chain) {
        this.chain = chain;
    }

    RecordingOutcome record(Handle h, ClaimedSubmission s, Instant now) {
        InboundMail mail = MailJson.read(s.payload());
        Optional<ActivityRows.Existing> existing = rows.findByKey(h, s.messageKey());
        if (existing.isEmpty()) {
            Correlation decision = chain.correlate(mail, new StoreCorrelationContext(h));
            UUID activityId = UUID.randomUUID();
            UUID owner = SystemUsers.findOrCreate(h, s.mailbox(), "", "", now);
            Optional<UUID> created = Savepoints.insertUnlessTaken(h, () -> {
                rows.insertActivity(h, activityId, s.messageKey(), mail, direction(mail), occurredAt(mail, now), decision,
                        owner, now);
                return activityId;
            });
            if (created.isPresent()) {
                rows.insertParties(h, activityId, parties(mail));
                rows.insertAttachments(h, activityId, mail.attachments());
                rows.insertSighting(h, activityId, s.id(), s.mailbox(), mail, now);
                if (decision instanceof Correlation.Unresolved u) {
                    rows.enqueueUnresolved(h, activityId, u, now);
                }
                return new RecordingOutcome(activityId, true, decision);
            }
            // another worker (or node) recorded the same message from another mailbox a moment ago
            existing = rows.findByKey(h, s.messageKey());
            if (existing.isEmpty()) {
                throw new IllegalStateException("activity for " + s.messageKey() + " neither insertable nor found");
            }
        }
        return sightAgain(h, s, mail, existing.get(), now);
    }

    private RecordingOutcome sightAgain(Handle h, ClaimedSubmission s, InboundMail mail, ActivityRows.Existing activity,
                                        Instant now) {
        Savepoints.insertUnlessTaken(h, () -> {
            rows.insertSighting(h, activity.id(), s.id(), s.mailbox(), mail, now);
            return activity.id();
        });
        if (mail.folder() == MailFolder.SENT && activity.direction() == Direction.INBOUND) {
            // a colleague's Inbox saw it first, but one of ours sent it: it went out
            rows.updateDirection(h, activity.id(), Direction.OUTBOUND, now);
        }
        Correlation decision = activity.decision();
        if (decision instanceof Correlation.Unresolved) {
            // this copy may tell more than the first one did (e.g. the Sent copy carries the tag)
            Correlation again = chain.correlate(mail, new StoreCorrelationContext(h));
            if (again instanceof Correlation.Linked linked) {
                rows.link(h, activity.id(), linked, now);
                decision = linked;
            }
        }
        return new RecordingOutcome(activity.id(), false, decision);
    }

    private static Direction direction(InboundMail mail) {
        return mail.folder() == MailFolder.SENT ? Direction.OUTBOUND : Direction.INBOUND;
    }

    private static Instant occurredAt(InboundMail mail, Instant receivedAt) {
        return mail.postedAt().or(mail::deliveredAt).orElse(receivedAt);
    }

    private static List<ActivityRows.PartyRow> parties(InboundMail mail) {
        List<ActivityRows.PartyRow> all = new ArrayList<>();
        mail.from().ifPresent(p -> all.add(row(PartyRole.FROM, p)));
        mail.to().forEach(p -> all.add(row(PartyRole.TO, p)));
        mail.cc().forEach(p -> all.add(row(PartyRole.CC, p)));
        mail.bcc().forEach(p -> all.add(row(PartyRole.BCC, p)));
        return all;
    }

    private static ActivityRows.PartyRow row(PartyRole role, Party p) {
        return new ActivityRows.PartyRow(role, SystemUsers.normalize(p.email()), p.displayName(), p.notesName());
    }

    static String messageIdOf(InboundMail mail) {
        return mail.messageId().flatMap(MessageKey::normalizeMessageId).orElse("");
    }
}
