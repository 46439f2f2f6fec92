package io.crmbridge.backend.intake;

/** What happened to one submitted mail: stored now, stored before, or refused. */
public enum ReceiptStatus {
    /** Durably stored as a new submission; a worker will record it. */
    ACCEPTED,
    /** The same message was already submitted from this mailbox; the receipt id is the first one's. */
    DUPLICATE,
    /** Refused as invalid; nothing was stored for it. */
    REJECTED
}
