package io.crmbridge.backend.intake;

/** Where a submission stands: waiting, recorded on a record, recorded but unlinked, failed, or never seen. */
public enum MailState {
    QUEUED,
    RECORDED,
    UNRESOLVED,
    FAILED,
    UNKNOWN
}
