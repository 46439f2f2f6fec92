package io.crmbridge.agent.domino;

/** What tag on send did to the memo; only {@link #TAGGED} changed its subject. */
public enum TagOutcome {
    /** The subject got the record's tag. */
    TAGGED,
    /** The subject had a tag already; the service was not asked. */
    ALREADY_TAGGED,
    /** The service answered that the mail belongs to no record. */
    NO_TAG,
    /** Switched off in the mail file's CRM Bridge settings. */
    OFF,
    /** No usable service URL, or no mailbox address to ask for. */
    NOT_CONFIGURED,
    /** The service did not answer in time, was unreachable or refused, or Domino failed: untagged. */
    FAILED,
    /** The agent was not run with a document context. */
    NO_DOCUMENT
}
