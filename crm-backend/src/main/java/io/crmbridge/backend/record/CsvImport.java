package io.crmbridge.backend.record;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One CSV import inside one transaction: every row checked first (fields, GUIDs, types, parents, which may
 * come later in the file), then the good rows written, then their parents set.
 */
final class CsvImport {
    private final Handle h;
    private final RecordWriter writer;
    private final Instant now;
    private final RecordRows rows = new RecordRows();
    private final List<CsvRowError> errors = new ArrayList<>();

    CsvImport(Handle h, RecordWriter writer, Instant now) {
        this.h = h;
        this.writer = writer;
        this.now = now;
    }

    CsvImportReport run(List<CsvRecordReader.Row> input) {
        Map<Long, ValidRecord> good = new LinkedHashMap<>();
        Map<UUID, Long> lineOfId = new HashMap<>();
        for (CsvRecordReader.Row row : input) {
            if (row.problem().isPresent()) {
                refuse(row.line(), row.problem().get());
                continue;
            }
            RecordValidation.Result checked = RecordValidation.check(row.input().orElseThrow());
            if (checked.problem().isPresent()) {
                refuse(row.line(), checked.problem().get());
                continue;
            }
            ValidRecord r = checked.record().orElseThrow();
            if (r.id().isPresent()) {
                Long earlier = lineOfId.putIfAbsent(r.id().get(), row.line());
                if (earlier != null) {
                    refuse(row.line(), "id " + r.id().get() + " is already on line " + earlier);
                    continue;
                }
                Optional<RecordType> stored = rows.typeOf(h, r.id().get());
                if (stored.isPresent() && stored.get() != r.type()) {
                    refuse(row.line(), "record " + r.id().get() + " is a " + RecordValidation.word(stored.get()) + ", not a "
                            + RecordValidation.word(r.type()));
                    lineOfId.remove(r.id().get());
                    continue;
                }
            }
            good.put(row.line(), r.id().isPresent() ? r : r.withId(UUID.randomUUID()));
        }
        dropRowsWithoutParent(good);
        int created = 0;
        int updated = 0;
        for (ValidRecord r : good.values()) {
            RecordWriter.Written w = writer.write(h, r, false, now);
            if (w.created()) {
                created++;
            } else {
                updated++;
            }
        }
        for (ValidRecord r : good.values()) {
            r.parentId().ifPresent(parent -> writer.setParent(h, r.id().orElseThrow(), parent, now));
        }
        errors.sort(Comparator.comparingLong(CsvRowError::line));
        return new CsvImportReport(created, updated, errors);
    }

    // A row whose parent is neither stored nor a good row of this file is refused; that may orphan others.
    private void dropRowsWithoutParent(Map<Long, ValidRecord> good) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<UUID, Long> inFile = new HashMap<>();
            good.forEach((line, r) -> inFile.put(r.id().orElseThrow(), line));
            for (var it = good.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                Optional<UUID> parent = e.getValue().parentId();
                if (parent.isPresent() && !inFile.containsKey(parent.get()) && !writer.exists(h, parent.get())) {
                    refuse(e.getKey(), "parent " + parent.get() + " is neither stored nor a good row of this file");
                    it.remove();
                    changed = true;
                }
            }
        }
    }

    private void refuse(long line, String reason) {
        errors.add(new CsvRowError(line, reason));
    }
}
