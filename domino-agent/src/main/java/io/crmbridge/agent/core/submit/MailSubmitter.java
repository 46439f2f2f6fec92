package io.crmbridge.agent.core.submit;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.MailMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends messages in batches (by count and by bytes) on a small bounded pool while the caller keeps
 * reading, and collects the receipts. Life cycle: construct, {@link #submit} many times from one
 * thread, {@link #finish()} once. Once a batch fails in transport, later batches are not sent.
 *
 * <p>Only {@link #submit} and {@link #finish} belong to the caller's thread; the pool threads touch
 * nothing but the transport and the shared receipt list.
 */
public final class MailSubmitter implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final MailTransport transport;
    private final SubmitterSettings settings;
    private final AgentLog log;
    private final ThreadPoolExecutor pool;
    /** One permit per batch that may be running or waiting; taking one blocks the reader when full. */
    private final Semaphore slots;
    private final AtomicReference<TransportException> failure = new AtomicReference<TransportException>();
    /** Answers not yet taken by {@link #takeAnswered()}. */
    private final Queue<Receipt> receipts = new ConcurrentLinkedQueue<Receipt>();
    /**
     * Client references submitted and not answered yet, in submission order. Only these are kept, not every
     * reference of the run, so that memory does not grow with the number of messages.
     */
    private final Set<String> outstanding = Collections.synchronizedSet(new LinkedHashSet<String>());
    private final AtomicInteger strayReceipts = new AtomicInteger();

    // Caller's thread only.
    private List<MailMessage> batch = new ArrayList<MailMessage>();
    private long batchBytes;
    private boolean finished;

    public MailSubmitter(MailTransport transport, SubmitterSettings settings, AgentLog log) {
        if (transport == null || settings == null || log == null) {
            throw new IllegalArgumentException("a submitter needs a transport, settings and a log");
        }
        this.transport = transport;
        this.settings = settings;
        this.log = log;
        this.slots = new Semaphore(settings.threads() + settings.queuedBatches());
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<Runnable>(), daemonThreads());
    }

    /**
     * Queues a message; blocks while the pool is full so memory stays bounded.
     *
     * @return false when submitting has stopped because a batch failed in transport; the caller
     *     should stop reading
     */
    public boolean submit(MailMessage message) {
        if (finished) {
            throw new IllegalStateException("the submitter has finished");
        }
        outstanding.add(message.clientRef());
        if (failure.get() != null) {
            return false;
        }
        long size = MessageSize.estimate(message);
        if (!batch.isEmpty() && batchBytes + size > settings.maxBatchBytes()) {
            dispatch();
        }
        batch.add(message);
        batchBytes += size;
        if (batch.size() >= settings.batchSize() || batchBytes >= settings.maxBatchBytes()) {
            dispatch();
        }
        return failure.get() == null;
    }

    /**
     * The answers that came in since the last call, removed from the submitter: a caller that acts on each
     * answer while it keeps submitting (the agent marks documents processed) holds no answer longer than needed.
     * They are not in the final report.
     */
    public List<Receipt> takeAnswered() {
        List<Receipt> out = new ArrayList<Receipt>();
        Receipt r;
        while ((r = receipts.poll()) != null) {
            out.add(r);
        }
        return out;
    }

    /** Sends what is left, waits for every batch, and reports the answers not taken before. */
    public SubmissionReport finish() {
        if (!finished) {
            if (!batch.isEmpty() && failure.get() == null) {
                dispatch();
            }
            finished = true;
            pool.shutdown();
            awaitPool();
            if (strayReceipts.get() > 0) {
                log.warn("ignored " + strayReceipts.get() + " receipt(s) whose clientRef was not in their batch or came twice");
            }
        }
        return report();
    }

    /** Stops the pool without waiting (for error paths); {@link #finish()} is the normal end. */
    @Override
    public void close() {
        finished = true;
        pool.shutdownNow();
    }

    private void dispatch() {
        final List<MailMessage> toSend = batch;
        batch = new ArrayList<MailMessage>();
        batchBytes = 0;
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new TransportException("INTERRUPTED", "interrupted while waiting to send"));
            return;
        }
        if (failure.get() != null) {
            slots.release(); // an earlier batch failed while we waited: this one waits for the next run
            return;
        }
        try {
            pool.execute(new Runnable() {
                @Override
                public void run() {
                    send(toSend);
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            failure.compareAndSet(null, new TransportException("INTERRUPTED", "the submitter was closed", e));
        }
    }

    private void send(List<MailMessage> toSend) {
        try {
            if (failure.get() != null) {
                return; // an earlier batch failed: this one waits for the next run
            }
            record(toSend, transport.submit(toSend));
        } catch (TransportException e) {
            failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, new TransportException("CLIENT_ERROR", "sending a batch failed: " + e, e));
        } finally {
            slots.release();
        }
    }

    /** Keeps the receipts that answer a message of this batch; anything else must not mark a document. */
    private void record(List<MailMessage> sent, List<Receipt> answer) {
        Set<String> expected = new HashSet<String>();
        for (MailMessage m : sent) {
            expected.add(m.clientRef());
        }
        for (Receipt r : answer) {
            if (expected.remove(r.clientRef())) {
                outstanding.remove(r.clientRef());
                receipts.add(r);
            } else {
                strayReceipts.incrementAndGet();
            }
        }
    }

    private void awaitPool() {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("still waiting for the CRM Bridge service to answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            failure.compareAndSet(null, new TransportException("INTERRUPTED", "interrupted while waiting for answers"));
        }
    }

    private SubmissionReport report() {
        List<Receipt> answered = new ArrayList<Receipt>(receipts);
        List<String> open;
        synchronized (outstanding) {
            open = new ArrayList<String>(outstanding);
        }
        return new SubmissionReport(answered, open, Optional.ofNullable(failure.get()));
    }

    private static ThreadFactory daemonThreads() {
        final int poolNumber = POOLS.incrementAndGet();
        return new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "crm-bridge-submit-" + poolNumber + "-" + count.incrementAndGet());
                t.setDaemon(true); // never keep Domino's agent JVM alive
                return t;
            }
        };
    }
}
