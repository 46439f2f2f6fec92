package io.crmbridge.backend.correlation;

import io.crmbridge.backend.record.RecordRef;

import java.util.Optional;
import java.util.UUID;

/**
 * What correlation rules may ask the store, within the transaction that records the mail. Grows with the
 * rules (activities by Message-ID for threading, records by address for address matching).
 */
public interface CorrelationContext {

    /** The record with this GUID. */
    Optional<RecordRef> record(UUID id);
}
