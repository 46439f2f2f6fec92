package io.crmbridge.backend.record;

/** What an upsert did with one record. */
public enum UpsertStatus {
    CREATED,
    UPDATED,
    REJECTED
}
