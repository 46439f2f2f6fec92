package io.crmbridge.backend.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets callers that ask for a sync at the same time share one: agents' batches committed together wait for
 * one write and fsync of the store instead of queueing for one each, behind the same lock.
 *
 * <p>Why it is safe: a caller asks only after its own commit. A sync that reads the number of requests before it
 * starts covers every request up to that number, since what it writes includes every commit made before it
 * started. A caller whose request a finished sync covers returns without syncing again; the others take the
 * lock in turn, and the first of them syncs for all that asked meanwhile. A sync that fails covers no one.
 */
final class GroupSync {
    /** The work of one sync; it may throw what its caller handles. */
    interface Action<E extends Exception> {
        void run() throws E;
    }

    private final AtomicLong requests = new AtomicLong();
    private final ReentrantLock syncing = new ReentrantLock();
    private long covered; // guarded by syncing

    /** How many syncs have been asked for so far. */
    long requests() {
        return requests.get();
    }

    /** Returns once a sync that started after this call has finished; runs {@code sync} itself when none has. */
    <E extends Exception> void awaitSync(Action<E> sync) throws E {
        long request = requests.incrementAndGet();
        syncing.lock();
        try {
            if (covered >= request) {
                return;
            }
            long upTo = requests.get();
            sync.run();
            covered = upTo;
        } finally {
            syncing.unlock();
        }
    }
}
