package io.crmbridge.backend.intake;

/**
 * Where a submission stands: waiting, recorded on a record, recorded but unlinked (in the review queue),
 * deliberately not tracked, failed, or never seen.
 */
public enum MailState {
    QUEUED,
    RECORDED,
    UNRESOLVED,
    /**
     * Recorded but tracked on no record, on purpose: mail between internal users only (reason INTERNAL_ONLY),
     * or taken out of the review queue by a person (reason IGNORED).
     */
    IGNORED,
    FAILED,
    UNKNOWN
}
