package io.crmbridge.backend.recording;

import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.correlation.Correlation;
import io.crmbridge.backend.correlation.StoreCorrelationContext;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MessageKey;
import io.crmbridge.backend.store.TimeOrderedIds;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.UUID;

/**
 * Records mail the CRM itself sends as an outgoing activity, linked as decided by the sender, with its parties
 * but no sighting (no mailbox saw it yet; copies that reach our Inboxes become its sightings).
 */
public final class OutgoingActivity {
    private static final ActivityRows ROWS = new ActivityRows();

    private OutgoingActivity() {
    }

    /**
     * Inserts the activity of {@code mail} (its Message-ID is the key) owned by {@code owner}; throws a unique
     * violation when an activity with that Message-ID exists.
     */
    public static UUID record(Handle h, StoreCorrelationContext context, InboundMail mail, Correlation.Linked decision,
                              UUID owner, Instant now) {
        UUID id = TimeOrderedIds.next();
        ROWS.insertActivity(h, id, MessageKey.of(mail), mail, Direction.OUTBOUND, now, decision, owner,
                OwnerRank.of(now, true, mail.mailbox()), now);
        ROWS.insertParties(h, id, ActivityRecorder.parties(mail, context));
        return id;
    }
}
