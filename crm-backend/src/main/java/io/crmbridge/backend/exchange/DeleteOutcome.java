package io.crmbridge.backend.exchange;

/** What a delete found on the server. */
public enum DeleteOutcome {
    DELETED,
    ALREADY_GONE
}
