package io.crmbridge.backend.exchange.sync;

/** Which contacts go to which of the configured mailboxes. */
public enum TargetMode {
    /** Every CRM contact to every configured mailbox. */
    ALL,
    /** Each CRM contact to its owner's mailbox only (when that mailbox is configured). */
    OWNER
}
