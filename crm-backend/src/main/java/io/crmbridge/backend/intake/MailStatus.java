package io.crmbridge.backend.intake;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.record.RecordRef;

import java.util.Objects;
import java.util.Optional;

/**
 * The state of one submission and, once recorded, its activity, the record it was linked to and why.
 *
 * @param reason for UNRESOLVED the queue reason (NO_MATCH, UNKNOWN_RECORD, AMBIGUOUS); for IGNORED why it is not
 *               tracked (INTERNAL_ONLY, IGNORED); for FAILED RECORDING_FAILED
 * @param detail for the same states, the reason's detail: the unknown GUID, the addresses tried, the ambiguous address with every
 *               candidate, the note of whoever ignored it, or the error
 */
public record MailStatus(String receiptId, MailState state, Optional<String> activityId, Optional<RecordRef> regarding,
                         Optional<CorrelationMethod> correlation, Optional<String> evidence, Optional<String> reason,
                         Optional<String> detail) {

    public MailStatus {
        receiptId = Objects.requireNonNullElse(receiptId, "");
        Objects.requireNonNull(state, "state");
        activityId = Objects.requireNonNullElse(activityId, Optional.empty());
        regarding = Objects.requireNonNullElse(regarding, Optional.empty());
        correlation = Objects.requireNonNullElse(correlation, Optional.empty());
        evidence = Objects.requireNonNullElse(evidence, Optional.empty());
        reason = Objects.requireNonNullElse(reason, Optional.empty());
        detail = Objects.requireNonNullElse(detail, Optional.empty());
    }

    static MailStatus unknown(String receiptId) {
        return new MailStatus(receiptId, MailState.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
