package io.crmbridge.backend.exchange.sync;

/** What to do with a contact someone edited in Outlook since it was last pushed. Always recorded. */
public enum ConflictPolicy {
    /** Overwrite it with the CRM's version (the default). */
    CRM_WINS,
    /** Leave it as it is in Exchange until the CRM changes it again. */
    REPORT
}
