package io.crmbridge.backend.recording;

import io.crmbridge.backend.activity.ActivityDecisions;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.activity.PartyRole;
import io.crmbridge.backend.correlation.Correlation;
import io.crmbridge.backend.correlation.Correlator;
import io.crmbridge.backend.correlation.ExternalParties;
import io.crmbridge.backend.correlation.NotTrackedReason;
import io.crmbridge.backend.correlation.StoreCorrelationContext;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailJson;
import io.crmbridge.backend.intake.MessageKey;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.mailbox.SystemUsers;
import io.crmbridge.backend.store.Savepoints;
import io.crmbridge.backend.store.TimeOrderedIds;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
    private final Correlator correlator;
    private final ActivityRows rows = new ActivityRows();

    ActivityRecorder(Correlator correlator) {
        this.correlator = correlator;
    }

    RecordingOutcome record(Handle h, ClaimedSubmission s, Instant now) {
        InboundMail mail = MailJson.read(s.payload(), s.body());
        Optional<ActivityRows.Existing> existing = rows.findByKey(h, s.messageKey());
        if (existing.isEmpty()) {
            StoreCorrelationContext context = correlator.context(h).knowing(ExternalParties.all(mail));
            Correlation decision = correlator.correlate(mail, context);
            UUID activityId = TimeOrderedIds.next();
            UUID owner = SystemUsers.findOrCreate(h, s.mailbox(), "", "", now);
            Direction direction = mail.folder() == MailFolder.SENT || ExternalParties.sentByInternal(mail, context)
                    ? Direction.OUTBOUND : Direction.INBOUND;
            Optional<UUID> created = Savepoints.insertUnlessTaken(h, () -> {
                rows.insertActivity(h, activityId, s.messageKey(), mail, direction, occurredAt(mail, now), decision,
                        owner, OwnerRank.of(mail, s.mailbox(), now), now);
                return activityId;
            });
            if (created.isPresent()) {
                rows.insertParties(h, activityId, parties(mail, context));
                rows.insertAttachments(h, activityId, mail.attachments());
                rows.insertSighting(h, activityId, s.id(), s.mailbox(), mail, now);
                if (decision instanceof Correlation.Unresolved u) {
                    rows.enqueueUnresolved(h, activityId, u, now);
                }
                return new RecordingOutcome(activityId, true, decision);
            }
            // another worker (or node) recorded the same message from another mailbox a moment ago
            LOG.debug("Activity for Message-ID {} was created concurrently; receipt {} becomes a sighting", s.messageId(), s.id());
            existing = rows.findByKey(h, s.messageKey());
            if (existing.isEmpty()) {
                throw new IllegalStateException("activity for " + s.messageKey() + " neither insertable nor found");
            }
        }
        return sightAgain(h, s, mail, existing.get().id(), now);
    }

    /*
     * The activity's row is locked first, so that sightings of one message recorded at the same moment take
     * turns: each sees the decision the one before it made, and ownership moves at most in rank order.
     */
    private RecordingOutcome sightAgain(Handle h, ClaimedSubmission s, InboundMail mail, UUID activityId, Instant now) {
        ActivityDecisions.lock(h, activityId);
        ActivityRows.Existing activity = rows.findByKey(h, s.messageKey())
                .orElseThrow(() -> new IllegalStateException("activity " + activityId + " vanished"));
        Savepoints.insertUnlessTaken(h, () -> {
            rows.insertSighting(h, activity.id(), s.id(), s.mailbox(), mail, now);
            return activity.id();
        });
        UUID mailboxUser = SystemUsers.findOrCreate(h, s.mailbox(), "", "", now);
        rows.takeOwnership(h, activity.id(), mailboxUser, OwnerRank.of(mail, s.mailbox(), now), now);
        rows.matchMailboxParties(h, activity.id(), s.mailbox(), mailboxUser);
        if (mail.folder() == MailFolder.SENT && activity.direction() == Direction.INBOUND) {
            // a colleague's Inbox saw it first, but one of ours sent it: it went out
            rows.updateDirection(h, activity.id(), Direction.OUTBOUND, now);
        }
        Correlation decision = activity.decision();
        if (mayBeDecidedAgain(decision)) {
            // this copy may tell more than the first one did (e.g. the Sent copy carries the tag)
            Correlation again = correlator.correlate(mail, correlator.context(h));
            if (again instanceof Correlation.Linked linked) {
                ActivityDecisions.link(h, activity.id(), linked.regarding(), linked.method(), linked.evidence(), now);
                decision = linked;
            }
        }
        return new RecordingOutcome(activity.id(), false, decision);
    }

    // A person's decision (IGNORED from the queue) stands; the rules' own may be improved on.
    private static boolean mayBeDecidedAgain(Correlation decision) {
        return decision instanceof Correlation.Unresolved
                || decision instanceof Correlation.NotTracked n && n.reason() == NotTrackedReason.INTERNAL_ONLY;
    }

    private static Instant occurredAt(InboundMail mail, Instant receivedAt) {
        return mail.postedAt().or(mail::deliveredAt).orElse(receivedAt);
    }

    /** Every party of {@code mail}, sender first, with its address as compared and its system user. */
    static List<ActivityRows.PartyRow> parties(InboundMail mail, StoreCorrelationContext context) {
        List<ActivityRows.PartyRow> all = new ArrayList<>();
        mail.from().ifPresent(p -> all.add(row(PartyRole.FROM, p, context)));
        mail.to().forEach(p -> all.add(row(PartyRole.TO, p, context)));
        mail.cc().forEach(p -> all.add(row(PartyRole.CC, p, context)));
        mail.bcc().forEach(p -> all.add(row(PartyRole.BCC, p, context)));
        return all;
    }

    private static ActivityRows.PartyRow row(PartyRole role, Party p, StoreCorrelationContext context) {
        return new ActivityRows.PartyRow(role, context.addressOf(p), p.displayName(), p.notesName(), context.systemUser(p));
    }

    static String messageIdOf(InboundMail mail) {
        return mail.messageId().flatMap(MessageKey::normalizeMessageId).orElse("");
    }
}
