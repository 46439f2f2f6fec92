package io.crmbridge.backend.correlation;

/** Why an activity is deliberately tracked on no record and kept out of the review queue (state IGNORED). */
public enum NotTrackedReason {
    /** Every party is internal (a system user's mailbox, a Notes name, an internal domain) and there is no tag. */
    INTERNAL_ONLY,
    /** A person took it out of the review queue; the detail is who, and their note. */
    IGNORED
}
