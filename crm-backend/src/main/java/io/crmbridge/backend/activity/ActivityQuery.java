package io.crmbridge.backend.activity;

import io.crmbridge.backend.store.Database;

import java.util.Optional;
import java.util.UUID;

/** Lists the email activities recorded on a CRM record, newest first, a page at a time. */
public final class ActivityQuery {
    private final Database db;

    public ActivityQuery(Database db) {
        this.db = db;
    }

    /**
     * One page of the activities regarding {@code recordId}. Throws {@code BackendException} RECORD_NOT_FOUND
     * for an unknown record and INVALID_REQUEST for a page size outside 1..500 or a token not from here.
     */
    public ActivityPage forRecord(UUID recordId, int pageSize, Optional<String> pageToken) {
        throw new UnsupportedOperationException("TODO");
    }
}
