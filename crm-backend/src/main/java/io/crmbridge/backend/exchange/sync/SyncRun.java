package io.crmbridge.backend.exchange.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One {@link ContactSync#syncAll} run: counts what the workers report and waits for the backlog to empty. */
final class SyncRun implements AutoCloseable {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final OutboxReports reports;
    private final io.crmbridge.backend.store.Database db;
    private final Optional<String> mailbox;
    private final RunListeners listeners;
    private final Consumer<PushReport> listener = this::count;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger updated = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Object signal = new Object();

    private final java.util.function.BooleanSupplier workersIdle;

    SyncRun(OutboxReports reports, io.crmbridge.backend.store.Database db, Optional<String> mailbox,
            RunListeners listeners, java.util.function.BooleanSupplier workersIdle) {
        this.reports = reports;
        this.db = db;
        this.workersIdle = workersIdle;
        this.mailbox = mailbox;
        this.listeners = listeners;
        listeners.add(listener);
    }

    private void count(PushReport report) {
        if (mailbox.isPresent() && !mailbox.get().equals(report.target().mailbox())) {
            return;
        }
        switch (report.result()) {
            case CREATED -> created.incrementAndGet();
            case UPDATED -> updated.incrementAndGet();
            case DELETED -> deleted.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case LEFT, RETRY -> { }
        }
        if (report.conflict()) {
            conflicts.incrementAndGet();
        }
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Waits until nothing is pending that could be done before the deadline. */
    SyncSummary await(int unchanged, Duration timeout, Consumer<SyncSummary> progress) {
        Instant deadline = db.now().plus(timeout);
        Instant nextProgress = db.now().plus(PROGRESS_EVERY);
        while (true) {
            // Idle first: a push's report is published just after its commit empties the backlog.
            boolean idle = workersIdle.getAsBoolean();
            OutboxReports.Backlog backlog = reports.backlog(mailbox, deadline);
            boolean settled = idle && (backlog.pending() == 0 || backlog.dueBefore() == 0);
            if (settled || !db.now().isBefore(deadline)) {
                return summary(unchanged, backlog.pending());
            }
            if (!db.now().isBefore(nextProgress)) {
                progress.accept(summary(unchanged, backlog.pending()));
                nextProgress = db.now().plus(PROGRESS_EVERY);
            }
            synchronized (signal) {
                try {
                    signal.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return summary(unchanged, backlog.pending());
                }
            }
        }
    }

    private SyncSummary summary(int unchanged, long pending) {
        return new SyncSummary(created.get(), updated.get(), unchanged, deleted.get(), conflicts.get(), failed.get(),
                (int) pending);
    }

    @Override
    public void close() {
        listeners.remove(listener);
    }
}
