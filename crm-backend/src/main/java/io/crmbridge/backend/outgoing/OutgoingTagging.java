package io.crmbridge.backend.outgoing;

import io.crmbridge.backend.store.Database;

import java.util.Objects;

/** Answers the tag for an outgoing mail by the rules that link incoming mail (tag, thread, single matching recipient). */
public final class OutgoingTagging {
    private final Database db;

    public OutgoingTagging(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The tag to append to {@code mail}'s subject, or none. TODO */
    public TagAdvice advise(OutgoingMail mail) {
        return TagAdvice.none(mail.subject());
    }
}
