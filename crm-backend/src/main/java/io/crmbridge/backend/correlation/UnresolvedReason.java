package io.crmbridge.backend.correlation;

/** Why an activity waits in the review queue instead of being linked to a record. */
public enum UnresolvedReason {
    /**
     * No tag, no tracked thread, and no record has the external party's address; the detail names the
     * addresses tried. (Called NO_TAG before the rules went beyond tags; stored NO_TAG rows were migrated.)
     */
    NO_MATCH,
    /** The subject's tag names a GUID that is no record; the detail is the GUID. */
    UNKNOWN_RECORD,
    /** The external party's address belongs to several records; the candidates are listed, nothing is guessed. */
    AMBIGUOUS
}
