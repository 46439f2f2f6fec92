package io.crmbridge.agent.core.submit;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.MailMessage;

/**
 * Sends messages in batches (by count and by bytes) on a small bounded pool while the caller keeps
 * reading, and collects the receipts. Life cycle: construct, {@link #submit} many times from one
 * thread, {@link #finish()} once. Once a batch fails in transport, later batches are not sent.
 */
public final class MailSubmitter implements AutoCloseable {

    public MailSubmitter(MailTransport transport, SubmitterSettings settings, AgentLog log) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Queues a message; blocks while the pool is full so memory stays bounded.
     *
     * @return false when submitting has stopped because a batch failed in transport; the caller
     *     should stop reading
     */
    public boolean submit(MailMessage message) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Sends what is left, waits for every batch, and reports. */
    public SubmissionReport finish() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Stops the pool without waiting (for error paths); {@link #finish()} is the normal end. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO");
    }
}
