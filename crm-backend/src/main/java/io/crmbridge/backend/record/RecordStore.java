package io.crmbridge.backend.record;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, updates, finds and imports CRM records (accounts, contacts, leads, opportunities, cases). An
 * upsert replaces every field of an existing record, its email addresses and its owner included.
 */
public final class RecordStore {
    private static final Logger LOG = LoggerFactory.getLogger(RecordStore.class);
    /** The most records one upsert call may carry (the front end sets its own, lower limit). */
    public static final int MAX_UPSERT = 100_000;

    private final Database db;
    private final RecordRows rows = new RecordRows();
    private final RecordWriter writer = new RecordWriter();

    public RecordStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Creates or updates each record, answering one outcome per input in order. A record with a bad GUID, a
     * bad email address, no name, an unknown parent or another type than the stored record of its GUID is
     * REJECTED (fault code {@code INVALID_RECORD}, with the reason) and the others are stored. A parent may
     * be a record earlier in the same call. Throws {@link BackendException} UNAVAILABLE when the store cannot
     * commit (then nothing is stored) and INVALID_REQUEST for more than {@value #MAX_UPSERT} records.
     */
    public List<UpsertOutcome> upsert(List<RecordInput> records) {
        Objects.requireNonNull(records, "records");
        if (records.size() > MAX_UPSERT) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "at most " + MAX_UPSERT + " records per call, got " + records.size());
        }
        List<UpsertOutcome> outcomes;
        try {
            outcomes = db.jdbi().inTransaction(h -> {
                Instant now = db.now();
                List<UpsertOutcome> result = new ArrayList<>(records.size());
                for (int i = 0; i < records.size(); i++) {
                    RecordInput in = records.get(i);
                    if (in == null) {
                        result.add(UpsertOutcome.rejected(i, "record " + i + " is empty"));
                        continue;
                    }
                    RecordValidation.Result checked = RecordValidation.check(in);
                    if (checked.problem().isPresent()) {
                        result.add(UpsertOutcome.rejected(i, checked.problem().get()));
                        continue;
                    }
                    RecordWriter.Written w = writer.write(h, checked.record().orElseThrow(), true, now);
                    result.add(w.refusal().isPresent() ? UpsertOutcome.rejected(i, w.refusal().get())
                            : UpsertOutcome.stored(i, w.id(), w.created() ? UpsertStatus.CREATED : UpsertStatus.UPDATED));
                }
                return result;
            });
        } catch (RuntimeException e) {
            LOG.error("Cannot commit an upsert of {} records: {}", records.size(), e.toString());
            throw new BackendException(BackendException.UNAVAILABLE, "the record store cannot take changes now", e);
        }
        db.syncToDisk();
        long created = outcomes.stream().filter(o -> o.status() == UpsertStatus.CREATED).count();
        long updated = outcomes.stream().filter(o -> o.status() == UpsertStatus.UPDATED).count();
        LOG.info("Upserted records: {} created, {} updated, {} rejected", created, updated, outcomes.size() - created - updated);
        return outcomes;
    }

    /** The record with this GUID. */
    public Optional<CrmRecord> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return db.jdbi().withHandle(h -> rows.find(h, id));
    }

    /**
     * Imports records from CSV with the header {@value CsvRecordReader#HEADER} (columns may be left out, except
     * {@code type}; {@code type} is a word such as {@code contact}; several emails are separated by {@code ;};
     * {@code owner} is the alias of the owner's Exchange mailbox). A column left out is "" for every row, so an
     * import replaces it (an owner, too) like an upsert does. A bad row is reported with its line number and skipped; the others are imported in one transaction. A
     * parent may appear anywhere in the file. Throws {@link BackendException} INVALID_REQUEST for an unusable
     * header, UNAVAILABLE when the store cannot commit.
     */
    public CsvImportReport importCsv(Reader csv) {
        Objects.requireNonNull(csv, "csv");
        List<CsvRecordReader.Row> rows;
        try {
            rows = CsvRecordReader.read(csv);
        } catch (IOException e) {
            throw new BackendException(BackendException.INVALID_REQUEST, "cannot read the CSV: " + e.getMessage(), e);
        }
        CsvImportReport report;
        try {
            report = db.jdbi().inTransaction(h -> new CsvImport(h, writer, db.now()).run(rows));
        } catch (RuntimeException e) {
            if (e instanceof BackendException be) {
                throw be;
            }
            LOG.error("Cannot commit a CSV import of {} rows: {}", rows.size(), e.toString());
            throw new BackendException(BackendException.UNAVAILABLE, "the record store cannot take changes now", e);
        }
        db.syncToDisk();
        LOG.info("Imported records from CSV: {} created, {} updated, {} rows refused", report.created(), report.updated(),
                report.errors().size());
        return report;
    }
}
