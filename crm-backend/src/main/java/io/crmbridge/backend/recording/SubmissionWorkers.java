package io.crmbridge.backend.recording;

import io.crmbridge.backend.correlation.CorrelationChain;
import io.crmbridge.backend.correlation.Correlator;
import io.crmbridge.backend.intake.IntakeLoad;
import io.crmbridge.backend.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of workers that turn queued submissions into activities. A worker wakes at once when the
 * intake signals new work, and otherwise looks every poll interval (for retries, for work committed before a
 * restart, and for work submitted through other nodes). Several pools, in one process or on several nodes
 * sharing one database, divide the work between them through row locks.
 */
public final class SubmissionWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionWorkers.class);
    // submissions per transaction: the claim and the commit are shared by all of them (25 recorded 954/s, 10 about 650/s)
    static final int BATCH_SIZE = 25;
    /*
     * How long a worker gives way to agents handing over mail before it records a short batch all the same:
     * under a steady stream recording still moves on, slowly, and the backlog follows at full speed once the
     * stream pauses.
     */
    static final long MAX_DEFER_MILLIS = 500;
    // what a worker records when it stops giving way while batches keep coming: a short slice of the cores
    static final int BATCH_SIZE_UNDER_INTAKE = 5;
    private static final Duration MAX_DEFER = Duration.ofMillis(MAX_DEFER_MILLIS);

    private final Database db;
    private final IntakeLoad intake;
    private final SubmissionBatch batch;
    private final int workers;
    private final Duration pollInterval;
    private final ExecutorService pool;
    private final Object signal = new Object();
    private final Object progress = new Object();
    private long wakeups;
    private volatile boolean running;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    /** {@code workers} workers (none is allowed: then nothing is recorded by this process), with no internal domains. */
    public SubmissionWorkers(Database db, CorrelationChain chain, int workers, Duration pollInterval) {
        this(db, new Correlator(chain, List.of()), workers, pollInterval);
    }

    /** {@code workers} workers (none is allowed: then nothing is recorded by this process). */
    public SubmissionWorkers(Database db, Correlator correlator, int workers, Duration pollInterval) {
        this(db, correlator, workers, pollInterval, new IntakeLoad());
    }

    /** The same, giving way to {@code intake} before each batch, for at most {@value #MAX_DEFER_MILLIS} ms. */
    public SubmissionWorkers(Database db, Correlator correlator, int workers, Duration pollInterval, IntakeLoad intake) {
        this.db = db;
        this.intake = intake;
        this.workers = workers;
        this.pollInterval = pollInterval;
        this.batch = new SubmissionBatch(db, new ActivityRecorder(correlator), pollInterval);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "crm-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the workers. */
    public void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            pool.execute(this::work);
        }
        if (workers > 0) {
            LOG.info("Started {} mail recording workers (poll every {})", workers, pollInterval);
        }
    }

    /** Tells idle workers that new submissions are waiting. */
    public void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    /** How many submissions wait to be recorded (including those waiting for a retry). */
    public long queued() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_submissions WHERE state = 'QUEUED'")
                .mapTo(Long.class).one());
    }

    /** Wakes the workers and waits until nothing is queued; false when {@code timeout} passes first. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        wake();
        while (true) {
            if (queued() == 0) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (progress) {
                try {
                    // workers notify after every batch; the bound covers work finished by other nodes
                    progress.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private void work() {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = wakeups;
            }
            boolean quiet;
            try {
                quiet = intake.awaitQuiet(MAX_DEFER);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int claimed = recordSafely(quiet ? BATCH_SIZE : BATCH_SIZE_UNDER_INTAKE);
            synchronized (progress) {
                progress.notifyAll();
            }
            if (claimed == 0 && running) {
                awaitSignal(seen);
            }
        }
    }

    private int recordSafely(int batchSize) {
        try {
            // after a failed transaction, go one at a time until it is found out which submission it was
            int size = consecutiveFailures.get() > 0 ? 1 : batchSize;
            int claimed = batch.recordNext(size);
            if (consecutiveFailures.getAndSet(0) > 0) {
                LOG.info("Mail recording works again");
            }
            return claimed;
        } catch (RuntimeException e) {
            if (consecutiveFailures.getAndIncrement() == 0) {
                LOG.warn("Mail recording failed, retrying every {}: {}", pollInterval, e.toString());
            }
            return 0;
        }
    }

    private void awaitSignal(long seen) {
        synchronized (signal) {
            long deadline = System.nanoTime() + pollInterval.toNanos();
            while (running && wakeups == seen) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                    return;
                }
            }
        }
    }

    /** Lets each worker finish its current batch, then stops them. */
    @Override
    public void close() {
        running = false;
        wake();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("Mail recording workers did not stop within 15 s; interrupting them");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
