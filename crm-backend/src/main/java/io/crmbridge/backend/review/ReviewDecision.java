package io.crmbridge.backend.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One entry of the review audit trail: who decided what about which activity, when, and the record involved. */
public record ReviewDecision(UUID activityId, ReviewAction action, Optional<UUID> recordId, String actor, String note,
                             Instant decidedAt) {
    public ReviewDecision {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(action, "action");
        recordId = Objects.requireNonNullElse(recordId, Optional.empty());
        actor = Objects.requireNonNullElse(actor, "");
        note = Objects.requireNonNullElse(note, "");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
