package io.crmbridge.backend.record;

import io.crmbridge.backend.store.Database;

import java.io.Reader;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, updates, finds and imports CRM records (accounts, contacts, leads, opportunities, cases). */
public final class RecordStore {
    private final Database db;

    public RecordStore(Database db) {
        this.db = db;
    }

    /**
     * Creates or updates each record, answering one outcome per input in order. A record with a bad GUID,
     * a bad email address or an unknown parent is REJECTED and the others are stored.
     */
    public List<UpsertOutcome> upsert(List<RecordInput> records) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The record with this GUID. */
    public Optional<CrmRecord> find(UUID id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Imports records from CSV (see the README for the header); bad rows are reported by line and skipped. */
    public CsvImportReport importCsv(Reader csv) {
        throw new UnsupportedOperationException("TODO");
    }
}
