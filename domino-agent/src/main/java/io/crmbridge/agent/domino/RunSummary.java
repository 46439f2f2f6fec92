package io.crmbridge.agent.domino;

/**
 * What one agent run did, as counts: documents taken from the unprocessed set, messages handed to the
 * service and what it answered, documents skipped or unreadable, what waits for the next run, and the
 * Sent copies tagged.
 */
public final class RunSummary {
    private final int read;
    private final int submitted;
    private final int acknowledged;
    private final int rejected;
    private final int unacknowledged;
    private final int skipped;
    private final int unreadable;
    private final int left;
    private final int tagged;
    private final long millis;

    RunSummary(int read, int submitted, int acknowledged, int rejected, int unacknowledged, int skipped,
            int unreadable, int left, int tagged, long millis) {
        this.read = read;
        this.submitted = submitted;
        this.acknowledged = acknowledged;
        this.rejected = rejected;
        this.unacknowledged = unacknowledged;
        this.skipped = skipped;
        this.unreadable = unreadable;
        this.left = left;
        this.tagged = tagged;
        this.millis = millis;
    }

    static RunSummary nothing(long millis) {
        return new RunSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, millis);
    }

    /** Documents taken from the unprocessed set (memos, skipped ones and unreadable ones). */
    public int read() {
        return read;
    }

    /** Messages handed to the service. */
    public int submitted() {
        return submitted;
    }

    /** Messages the service stored (accepted or duplicate); their documents are marked processed. */
    public int acknowledged() {
        return acknowledged;
    }

    /** Messages the service refused for good; logged, and marked processed so they are not sent again. */
    public int rejected() {
        return rejected;
    }

    /** Messages submitted without an answer (the service failed); not marked, sent again next run. */
    public int unacknowledged() {
        return unacknowledged;
    }

    /** Documents that are not this agent's kind of memo (drafts, calendar entries, received mail for the Sent agent). */
    public int skipped() {
        return skipped;
    }

    /** Documents Domino could not read; logged, not marked, tried again next run. */
    public int unreadable() {
        return unreadable;
    }

    /** Unprocessed documents not taken this run (time budget spent, or the service failed). */
    public int left() {
        return left;
    }

    /** Sent copies whose subject got their record's tag (Sent agent only). */
    public int tagged() {
        return tagged;
    }

    public long millis() {
        return millis;
    }

    @Override
    public String toString() {
        return "read " + read + ", submitted " + submitted + ", acknowledged " + acknowledged + ", rejected " + rejected
                + ", unacknowledged " + unacknowledged + ", skipped " + skipped + ", unreadable " + unreadable
                + ", left for next run " + left + (tagged == 0 ? "" : ", tagged " + tagged) + ", " + millis + " ms";
    }
}
