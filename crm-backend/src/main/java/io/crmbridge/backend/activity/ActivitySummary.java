package io.crmbridge.backend.activity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An email activity as listed on a record: what, when, which way, how it was linked and why, who took
 * part, and in how many mailboxes it was seen.
 */
public record ActivitySummary(UUID id, String subject, Direction direction, Instant occurredAt, Optional<String> messageId,
                              CorrelationMethod correlation, Optional<String> evidence, List<ActivityParty> parties,
                              int sightings) {
    public ActivitySummary {
        Objects.requireNonNull(id, "id");
        subject = Objects.requireNonNullElse(subject, "");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(occurredAt, "occurredAt");
        messageId = Objects.requireNonNullElse(messageId, Optional.empty());
        Objects.requireNonNull(correlation, "correlation");
        evidence = Objects.requireNonNullElse(evidence, Optional.empty());
        parties = List.copyOf(parties);
    }
}
