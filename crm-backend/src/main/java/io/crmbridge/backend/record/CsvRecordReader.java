package io.crmbridge.backend.record;

import io.crmbridge.backend.BackendException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads record rows from CSV, each with the line it starts on, so a bad row can be reported where it is. */
final class CsvRecordReader {
    static final String HEADER = "type,id,name,first_name,middle_name,last_name,email,company,title,phone,fax,mobile,"
            + "street,city,state,postal_code,country,notes,parent_id,owner";
    private static final Set<String> COLUMNS = Set.of(HEADER.split(","));

    /** One data row: its line in the file, and the record it describes or what is wrong with it. */
    record Row(long line, Optional<RecordInput> input, Optional<String> problem) {
    }

    private CsvRecordReader() {
    }

    static List<Row> read(Reader source) throws IOException {
        // the whole text is kept to turn each record's character position into a line number
        String text = slurp(source);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        LineIndex lines = new LineIndex(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            checkHeader(header);
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new BackendException(BackendException.INVALID_REQUEST,
                            "the CSV is malformed after line " + lines.lineAt(lastPosition(rows, lines)) + ": " + e.getMessage(), e);
                }
                rows.add(row(rec, header, lines.lineAt(rec.getCharacterPosition())));
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new BackendException(BackendException.INVALID_REQUEST, "the CSV header cannot be read: " + e.getMessage(), e);
        }
        return rows;
    }

    private static long lastPosition(List<Row> rows, LineIndex lines) {
        return rows.isEmpty() ? 0 : lines.startOf(rows.get(rows.size() - 1).line());
    }

    private static void checkHeader(List<String> header) {
        if (!header.contains("type")) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "the CSV header must name the column 'type' (the full header is " + HEADER + ")");
        }
        Set<String> unknown = new TreeSet<>(header);
        unknown.removeAll(COLUMNS);
        if (!unknown.isEmpty()) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "unknown CSV columns " + unknown + " (the header is " + HEADER + ")");
        }
    }

    private static Row row(CSVRecord rec, List<String> header, long line) {
        if (rec.size() > header.size()) {
            return new Row(line, Optional.empty(), Optional.of("the row has " + rec.size() + " fields, the header " + header.size()));
        }
        String typeWord = value(rec, header, "type");
        Optional<RecordType> type = RecordType.fromWord(typeWord);
        if (type.isEmpty()) {
            return new Row(line, Optional.empty(), Optional.of(typeWord.isEmpty() ? "the type is missing"
                    : "unknown type '" + typeWord + "' (account, contact, lead, opportunity or case)"));
        }
        String id = value(rec, header, "id");
        String parent = value(rec, header, "parent_id");
        List<String> emails = Arrays.stream(value(rec, header, "email").split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new Row(line, Optional.of(new RecordInput(type.get(), id.isEmpty() ? Optional.empty() : Optional.of(id),
                value(rec, header, "name"), value(rec, header, "first_name"), value(rec, header, "middle_name"),
                value(rec, header, "last_name"), emails, value(rec, header, "company"), value(rec, header, "title"),
                value(rec, header, "phone"), value(rec, header, "fax"), value(rec, header, "mobile"),
                value(rec, header, "street"), value(rec, header, "city"), value(rec, header, "state"),
                value(rec, header, "postal_code"), value(rec, header, "country"), value(rec, header, "notes"),
                parent.isEmpty() ? Optional.empty() : Optional.of(parent), value(rec, header, "owner"))), Optional.empty());
    }

    private static String value(CSVRecord rec, List<String> header, String column) {
        int i = header.indexOf(column);
        return i >= 0 && i < rec.size() ? rec.get(i).strip() : "";
    }

    private static String slurp(Reader source) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = source.read(buf)) >= 0; ) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    /** Character positions to 1-based line numbers (CR, LF and CRLF each end a line). */
    private static final class LineIndex {
        private final List<Integer> starts = new ArrayList<>();

        LineIndex(String text) {
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
        }

        long lineAt(long position) {
            int lo = 0;
            int hi = starts.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts.get(mid) <= position) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }

        long startOf(long line) {
            return starts.get((int) Math.max(0, Math.min(line - 1, starts.size() - 1)));
        }
    }
}
