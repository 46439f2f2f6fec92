package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ExchangeGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one Exchange server: at most {@code parallelism} pushes run at once, and one
 * dispatcher thread does all the server's outbox writing. Each of its transactions writes down the
 * pushes finished since the last one and claims the next rows, so that a few thousand contacts cost a
 * few hundred commits, not two per contact (each commit of the embedded store reaches the file).
 * A push's outcome is written after the push; if the node dies in between, the row's claim runs out
 * and the push, which is idempotent, is made again. A 503 with {@code Retry-After} pauses the whole
 * server, not just the contact that got it.
 */
final class ServerWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerWorkers.class);
    /** Claimed rows per thread: claims are made for many rows at once. */
    private static final int BUFFER = 32;
    /** A server's pause up to this long is waited out by the rows already claimed. */
    private static final Duration SHORT_PAUSE = Duration.ofSeconds(5);

    private final String server;
    private final ExchangeGateway gateway;
    private final Outbox outbox;
    private final ContactPush push;
    private final Duration poll;
    private final Duration lease;
    private final Consumer<PushReport> reports;
    private final int parallelism;
    private final Semaphore slots;
    private final LinkedBlockingQueue<ContactPush.Done> finished = new LinkedBlockingQueue<>();
    private final AtomicInteger unwritten = new AtomicInteger();
    private final ExecutorService pushers;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private Thread dispatcher;

    ServerWorkers(String server, ExchangeGateway gateway, int parallelism, Outbox outbox, ContactPush push,
                  Duration poll, Duration lease, Consumer<PushReport> reports) {
        this.server = server;
        this.gateway = gateway;
        this.parallelism = parallelism;
        this.outbox = outbox;
        this.push = push;
        this.poll = poll;
        this.lease = lease;
        this.reports = reports;
        this.slots = new Semaphore(BUFFER * parallelism);
        AtomicInteger threads = new AtomicInteger();
        this.pushers = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "exchange-" + server + "-push-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        dispatcher = new Thread(this::dispatch, "exchange-" + server + "-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Look for work now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Whether no claimed row is waiting, being pushed, or waiting to be written down. */
    boolean idle() {
        return unwritten.get() == 0;
    }

    private void dispatch() {
        // After close(), the pushers have ended: what they finished is in the queue, to be written down.
        while (running || !finished.isEmpty()) {
            try {
                List<ContactPush.Done> done = new ArrayList<>();
                finished.drainTo(done);
                Instant now = outbox.db().now();
                // Claim once half the buffer is free: one commit for many rows, while the other half
                // keeps the threads busy.
                int free = slots.availablePermits();
                boolean claim = running && !pausedUntil.isAfter(now) && free >= BUFFER * parallelism / 2;
                List<OutboxRow> claimed = done.isEmpty() && !claim ? List.of() : writeAndClaim(done, claim ? free : 0, now);
                for (ContactPush.Done d : done) {
                    reports.accept(d.report());
                    unwritten.decrementAndGet();
                }
                for (OutboxRow row : claimed) {
                    slots.acquire();
                    unwritten.incrementAndGet();
                    pushers.execute(() -> pushOne(row));
                }
                if (done.isEmpty() && claimed.isEmpty()) {
                    await(pausedUntil.isAfter(now) ? Duration.between(now, pausedUntil) : poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Cannot write or claim contact sync work for Exchange server {}: {}", server, e.toString());
                sleepQuietly(poll);
            }
        }
    }

    /** One transaction: the outcomes of finished pushes, then a claim; a bad outcome is written alone. */
    private List<OutboxRow> writeAndClaim(List<ContactPush.Done> done, int claim, Instant now) {
        try {
            return outbox.db().jdbi().inTransaction(h -> {
                done.forEach(d -> d.write().accept(h));
                return claim == 0 ? List.<OutboxRow>of() : outbox.claim(h, server, claim, now, lease);
            });
        } catch (RuntimeException batchFailure) {
            for (ContactPush.Done d : done) {
                try {
                    outbox.db().jdbi().useTransaction(h -> d.write().accept(h));
                } catch (RuntimeException e) {
                    // The row's claim runs out and it is pushed again.
                    LOG.error("Cannot write down the push of contact {} to {}: {}", d.report().crmId(),
                            d.report().target().mailbox(), e.toString());
                }
            }
            return claim == 0 ? List.of()
                    : outbox.db().jdbi().inTransaction((Handle h) -> outbox.claim(h, server, claim, now, lease));
        }
    }

    private void pushOne(OutboxRow row) {
        try {
            Optional<ContactPush.Done> postponed = waitOutPause(row);
            if (postponed.isPresent()) {
                finished.add(postponed.get());
                return;
            }
            ContactPush.Done done = push.run(row, gateway);
            done.report().pauseServer().ifPresent(this::pause);
            finished.add(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unwritten.decrementAndGet();
        } catch (RuntimeException e) {
            // Not an Exchange answer (a bug, unreadable contents): the claim runs out and it is tried again.
            LOG.error("Contact push broke off: mailbox={} crmId={}: {}", row.target().mailbox(), row.crmId(),
                    e.toString());
            unwritten.decrementAndGet();
        } finally {
            slots.release();
            wake();
        }
    }

    /**
     * Claimed rows honour a pause too: a short one is waited out, a long one gives the row back, due when
     * the pause ends, so that it is not held past its lease.
     */
    private Optional<ContactPush.Done> waitOutPause(OutboxRow row) throws InterruptedException {
        Instant now = outbox.db().now();
        Instant until = pausedUntil;
        if (!until.isAfter(now)) {
            return Optional.empty();
        }
        if (Duration.between(now, until).compareTo(SHORT_PAUSE) <= 0 && running) {
            Thread.sleep(Duration.between(now, until).toMillis());
            return Optional.empty();
        }
        return Optional.of(new ContactPush.Done(new PushReport(row.target(), row.crmId(), PushReport.Result.RETRY, false,
                Optional.empty()), h -> outbox.postpone(h, row, until, now)));
    }

    private void pause(Duration wait) {
        Instant until = outbox.db().now().plus(wait);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            LOG.info("Exchange server {} asked to wait {} ms; its pushes pause until then", server, wait.toMillis());
        }
    }

    private void await(Duration timeout) throws InterruptedException {
        synchronized (signal) {
            if (!signalled && running) {
                signal.wait(Math.max(1, timeout.toMillis()));
            }
            signalled = false;
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming, lets running pushes finish and be written down (within a grace period), then stops. */
    @Override
    public void close() {
        running = false;
        wake();
        Thread thread;
        synchronized (this) {
            thread = dispatcher;
        }
        pushers.shutdown();
        try {
            if (!pushers.awaitTermination(30, TimeUnit.SECONDS)) {
                pushers.shutdownNow();
            }
            if (thread != null) {
                wake();
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            pushers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
