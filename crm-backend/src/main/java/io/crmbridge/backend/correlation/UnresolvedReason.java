package io.crmbridge.backend.correlation;

/** Why an activity waits in the unresolved queue instead of being linked to a record. */
public enum UnresolvedReason {
    /** No rule found where the mail belongs; for now, the subject carried no tag. */
    NO_TAG,
    /** The subject's tag names a GUID that is no record; the detail is the GUID. */
    UNKNOWN_RECORD
}
