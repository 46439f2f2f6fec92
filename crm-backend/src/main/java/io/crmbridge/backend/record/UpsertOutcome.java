package io.crmbridge.backend.record;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The answer for one record of an upsert, by its position in the request. REJECTED carries the fault
 * code {@link #INVALID_RECORD} and a reason, the others the record's GUID.
 */
public record UpsertOutcome(int index, Optional<UUID> id, UpsertStatus status, Optional<String> faultCode,
                            Optional<String> reason) {

    /** The fault code of a record that cannot be stored as sent. */
    public static final String INVALID_RECORD = "INVALID_RECORD";

    public UpsertOutcome {
        id = Objects.requireNonNullElse(id, Optional.empty());
        Objects.requireNonNull(status, "status");
        faultCode = Objects.requireNonNullElse(faultCode, Optional.empty());
        reason = Objects.requireNonNullElse(reason, Optional.empty());
    }

    static UpsertOutcome stored(int index, UUID id, UpsertStatus status) {
        return new UpsertOutcome(index, Optional.of(id), status, Optional.empty(), Optional.empty());
    }

    static UpsertOutcome rejected(int index, String reason) {
        return new UpsertOutcome(index, Optional.empty(), UpsertStatus.REJECTED, Optional.of(INVALID_RECORD),
                Optional.of(reason));
    }
}
