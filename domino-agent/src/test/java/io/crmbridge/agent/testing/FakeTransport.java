package io.crmbridge.agent.testing;

import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.submit.MailTransport;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.TransportException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A front end without a server: remembers every batch, accepts (or reports duplicates like the real
 * service does for a message seen before), rejects chosen refs, and can fail from a given batch on.
 */
public final class FakeTransport implements MailTransport {
    /** Runs before a batch is answered, on the sending thread (for latency, barriers, latches). */
    public interface Hook {
        void before(int batchNumber, List<MailMessage> batch) throws Exception;
    }

    private final List<List<MailMessage>> batches = new CopyOnWriteArrayList<>();
    private final Set<String> stored = new HashSet<>();
    private final Set<String> rejected = new HashSet<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failFrom = Integer.MAX_VALUE;
    private volatile String failCode = "UNREACHABLE";
    private volatile Hook hook = (n, b) -> { };

    public static FakeTransport accepting() {
        return new FakeTransport();
    }

    public static FakeTransport down() {
        return new FakeTransport().failingFrom(1, "UNREACHABLE");
    }

    /** Batches from this one (1-based) on fail with the code; earlier ones are answered. */
    public FakeTransport failingFrom(int batchNumber, String code) {
        failFrom = batchNumber;
        failCode = code;
        return this;
    }

    public FakeTransport up() {
        failFrom = Integer.MAX_VALUE;
        return this;
    }

    public FakeTransport rejecting(String clientRef) {
        synchronized (rejected) {
            rejected.add(clientRef);
        }
        return this;
    }

    public FakeTransport withHook(Hook h) {
        hook = h;
        return this;
    }

    @Override
    public List<Receipt> submit(List<MailMessage> batch) throws TransportException {
        int n = calls.incrementAndGet();
        try {
            hook.before(n, batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("TIMEOUT", "interrupted");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (n >= failFrom) {
            throw new TransportException(failCode, "fake front end failing with " + failCode);
        }
        batches.add(List.copyOf(batch));
        List<Receipt> receipts = new ArrayList<>();
        synchronized (this) {
            for (MailMessage m : batch) {
                boolean reject;
                synchronized (rejected) {
                    reject = rejected.contains(m.clientRef());
                }
                String key = m.mailbox() + "|" + (m.messageId().isEmpty() ? m.clientRef() : m.messageId());
                if (reject) {
                    receipts.add(new Receipt(m.clientRef(), Receipt.Status.REJECTED, "", "INVALID_MESSAGE", "refused by the test"));
                } else if (stored.add(key)) {
                    receipts.add(new Receipt(m.clientRef(), Receipt.Status.ACCEPTED, "r-" + key, "", ""));
                } else {
                    receipts.add(new Receipt(m.clientRef(), Receipt.Status.DUPLICATE, "r-" + key, "", ""));
                }
            }
        }
        return receipts;
    }

    /** Batches answered (not the failed ones). */
    public List<List<MailMessage>> batches() {
        return batches;
    }

    public List<MailMessage> messages() {
        List<MailMessage> all = new ArrayList<>();
        for (List<MailMessage> b : batches) {
            all.addAll(b);
        }
        return all;
    }

    public int calls() {
        return calls.get();
    }
}
