package io.crmbridge.bench.ingest;

import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.submit.MailTransport;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.TransportException;
import java.util.List;
import java.util.Queue;

/** A transport that notes how long each batch took to be acknowledged. */
final class TimedTransport implements MailTransport {
    private final MailTransport delegate;
    private final Queue<Long> batchNanos;

    TimedTransport(MailTransport delegate, Queue<Long> batchNanos) {
        this.delegate = delegate;
        this.batchNanos = batchNanos;
    }

    @Override
    public List<Receipt> submit(List<MailMessage> batch) throws TransportException {
        long start = System.nanoTime();
        List<Receipt> receipts = delegate.submit(batch);
        batchNanos.add(System.nanoTime() - start);
        return receipts;
    }
}
