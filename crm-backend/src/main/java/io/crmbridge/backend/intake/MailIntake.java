package io.crmbridge.backend.intake;

import io.crmbridge.backend.store.Database;

import java.util.List;

/** Takes batches of mail from agents, stores each new message durably once, and answers receipts and status. */
public final class MailIntake {
    private final Database db;
    private final Runnable onAccepted;

    /** An intake on {@code db} that calls {@code onAccepted} after committing new submissions (to wake workers). */
    public MailIntake(Database db, Runnable onAccepted) {
        this.db = db;
        this.onAccepted = onAccepted;
    }

    /**
     * Validates, deduplicates and durably stores a batch, then answers one receipt per mail in order. A bad
     * mail is REJECTED (fault code {@code INVALID_MESSAGE}) and the others are stored all the same.
     */
    public List<Receipt> submit(List<InboundMail> batch) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The state of each receipt id in order; an id never issued is UNKNOWN. */
    public List<MailStatus> status(List<String> receiptIds) {
        throw new UnsupportedOperationException("TODO");
    }
}
