package io.crmbridge.backend.exchange;

/** What an upsert did on the server. */
public enum UpsertOutcome {
    CREATED,
    UPDATED
}
