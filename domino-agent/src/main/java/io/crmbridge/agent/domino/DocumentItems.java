package io.crmbridge.agent.domino;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import lotus.domino.DateTime;
import lotus.domino.Document;
import lotus.domino.NotesException;

/**
 * Typed, defaulted reads of a document's items, in the spirit of domino-jnx's TypedAccess: text is
 * "" when absent, lists are empty, dates are Optional; no Vector and no DateTime handle leaks out
 * (the handles are recycled before returning).
 */
final class DocumentItems {
    private final Document doc;

    DocumentItems(Document doc) {
        this.doc = doc;
    }

    boolean has(String item) throws NotesException {
        return doc.hasItem(item);
    }

    /** The first value as text, or "". */
    String text(String item) throws NotesException {
        String value = doc.getItemValueString(item);
        return value == null ? "" : value;
    }

    /** Every text value, trimmed, without empty ones. */
    List<String> texts(String item) throws NotesException {
        Vector<?> values = doc.getItemValue(item);
        if (values == null || values.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<String>(values.size());
        try (Handles h = new Handles()) {
            h.holdAll(values);
            for (Object v : values) {
                if (v instanceof String && !((String) v).trim().isEmpty()) {
                    out.add(((String) v).trim());
                }
            }
        }
        return out;
    }

    /** The first date-time value, or empty when the item is absent or holds no date. */
    Optional<Instant> instant(String item) throws NotesException {
        Vector<?> values = doc.getItemValueDateTimeArray(item);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        try (Handles h = new Handles()) {
            h.holdAll(values);
            for (Object v : values) {
                if (v instanceof DateTime) {
                    java.util.Date date = ((DateTime) v).toJavaDate();
                    if (date != null) {
                        return Optional.of(date.toInstant());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
