package io.crmbridge.backend.record;

import java.util.Locale;
import java.util.Optional;

/** The kinds of CRM record an activity can be regarding. */
public enum RecordType {
    ACCOUNT,
    CONTACT,
    LEAD,
    OPPORTUNITY,
    CASE;

    /** Whether records of this type are people, whose name can be made from first, middle and last name. */
    public boolean isPerson() {
        return this == CONTACT || this == LEAD;
    }

    /** The type named by a word such as {@code contact} or {@code Opportunity}; empty when none is. */
    public static Optional<RecordType> fromWord(String word) {
        String w = word == null ? "" : word.trim().toUpperCase(Locale.ROOT);
        for (RecordType t : values()) {
            if (t.name().equals(w)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
