package io.crmbridge.backend.review;

import io.crmbridge.backend.activity.ActivityParty;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.record.RecordRef;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An activity waiting in the review queue: why (reason, detail, and for AMBIGUOUS every candidate record),
 * what the mail was, where it was seen and who took part.
 *
 * @param reason    NO_MATCH, UNKNOWN_RECORD or AMBIGUOUS (see {@code UnresolvedReason})
 * @param detail    the unknown GUID, the addresses tried, or the ambiguous address and its candidates; "" when none
 * @param mailboxes the mailboxes the message was seen in, sorted
 */
public record UnresolvedItem(UUID activityId, String reason, String detail, List<RecordRef> candidates, String subject,
                             Direction direction, Instant occurredAt, Instant queuedAt, Optional<String> messageId,
                             List<String> mailboxes, List<ActivityParty> parties) {
    public UnresolvedItem {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(reason, "reason");
        detail = Objects.requireNonNullElse(detail, "");
        candidates = List.copyOf(candidates);
        subject = Objects.requireNonNullElse(subject, "");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(queuedAt, "queuedAt");
        messageId = Objects.requireNonNullElse(messageId, Optional.empty());
        mailboxes = List.copyOf(mailboxes);
        parties = List.copyOf(parties);
    }
}
