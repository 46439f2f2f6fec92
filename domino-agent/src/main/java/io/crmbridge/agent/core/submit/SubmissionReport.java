package io.crmbridge.agent.core.submit;

import java.util.List;
import java.util.Optional;

/**
 * What a submitter run achieved: the receipts the front end gave (acknowledged and rejected), the
 * client references of messages that got no receipt, and the transport failure that stopped the run.
 */
public final class SubmissionReport {

    public List<Receipt> receipts() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Client references of messages that were submitted but not acknowledged (their batch failed or was never sent). */
    public List<String> unacknowledged() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The failure that stopped sending, if any. */
    public Optional<TransportException> failure() {
        throw new UnsupportedOperationException("TODO");
    }
}
