package io.crmbridge.agent.core.submit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a submitter run achieved: the receipts the front end gave (acknowledged and rejected), the
 * client references of messages that got no receipt, and the transport failure that stopped the run.
 */
public final class SubmissionReport {
    private final List<Receipt> receipts;
    private final List<String> unacknowledged;
    private final Optional<TransportException> failure;

    public SubmissionReport(List<Receipt> receipts, List<String> unacknowledged, Optional<TransportException> failure) {
        this.receipts = Collections.unmodifiableList(new ArrayList<Receipt>(receipts));
        this.unacknowledged = Collections.unmodifiableList(new ArrayList<String>(unacknowledged));
        this.failure = failure == null ? Optional.<TransportException>empty() : failure;
    }

    /**
     * Every receipt the front end answered, acknowledged or rejected, in the order the batches completed, except
     * those taken before with {@link MailSubmitter#takeAnswered()}.
     */
    public List<Receipt> receipts() {
        return receipts;
    }

    /** Client references of messages that were submitted but not acknowledged (their batch failed or was never sent). */
    public List<String> unacknowledged() {
        return unacknowledged;
    }

    /** The failure that stopped sending, if any. */
    public Optional<TransportException> failure() {
        return failure;
    }

    /** Messages durably stored by the front end (accepted now or before). */
    public int acknowledgedCount() {
        int n = 0;
        for (Receipt r : receipts) {
            if (r.isAcknowledged()) {
                n++;
            }
        }
        return n;
    }

    /** Messages the front end refused for good. */
    public int rejectedCount() {
        return receipts.size() - acknowledgedCount();
    }

    @Override
    public String toString() {
        return "SubmissionReport[acknowledged=" + acknowledgedCount() + ", rejected=" + rejectedCount()
                + ", unacknowledged=" + unacknowledged.size()
                + (failure.isPresent() ? ", failure=" + failure.get().code() : "") + "]";
    }
}
