package io.crmbridge.backend.record;

/** A CSV row that was not imported: its line number in the file (the header is line 1) and why. */
public record CsvRowError(long line, String reason) {
}
