package io.crmbridge.backend.record;

import java.util.List;

/** What a CSV import did: how many records it created and updated, and each row it could not import. */
public record CsvImportReport(int created, int updated, List<CsvRowError> errors) {
    public CsvImportReport {
        errors = List.copyOf(errors);
    }
}
