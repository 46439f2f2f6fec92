package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What correlation rules may ask the store, within the transaction that records (or advises on) the mail. */
public interface CorrelationContext {

    /** The record with this GUID. */
    Optional<RecordRef> record(UUID id);

    /** The record of the linked (RECORDED) activity whose Message-ID is {@code messageId} (normalized, in angle brackets). */
    Optional<RecordRef> threadRecord(String messageId);

    /** The records of these types that have {@code email} (lower case) among their addresses, ordered by id. */
    List<RecordRef> recordsWithAddress(String email, Set<RecordType> types);

    /**
     * The party's address as compared: its email in lower case; for a party known only by its Notes name, the
     * mailbox of the system user with that name; "" when neither gives one.
     */
    String addressOf(Party party);

    /**
     * Whether the party belongs to the organisation: a system user's mailbox or Notes name, an address in an
     * internal domain, or a Notes name without an internet address (only Domino users have those).
     */
    boolean isInternal(Party party);
}
