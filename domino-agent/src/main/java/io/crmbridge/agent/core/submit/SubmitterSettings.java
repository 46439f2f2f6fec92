package io.crmbridge.agent.core.submit;

/** How the submitter batches and how many batches may be in flight. Immutable; change with the withers. */
public final class SubmitterSettings {
    /** Messages per batch unless the byte limit cuts it earlier. */
    public static final int DEFAULT_BATCH_SIZE = 50;
    /** Estimated serialized size of a batch before it is sent. */
    public static final long DEFAULT_MAX_BATCH_BYTES = 2L * 1024 * 1024;
    public static final int DEFAULT_THREADS = 2;
    /** Batches that may wait for a free thread before {@link MailSubmitter#submit} blocks. */
    public static final int DEFAULT_QUEUED_BATCHES = 2;

    private final int batchSize;
    private final long maxBatchBytes;
    private final int threads;
    private final int queuedBatches;

    private SubmitterSettings(int batchSize, long maxBatchBytes, int threads, int queuedBatches) {
        this.batchSize = positive(batchSize, "batch size");
        this.maxBatchBytes = positive(maxBatchBytes, "batch byte limit");
        this.threads = positive(threads, "thread count");
        if (queuedBatches < 0) {
            throw new IllegalArgumentException("queued batches must not be negative: " + queuedBatches);
        }
        this.queuedBatches = queuedBatches;
    }

    public static SubmitterSettings defaults() {
        return new SubmitterSettings(DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCH_BYTES, DEFAULT_THREADS, DEFAULT_QUEUED_BATCHES);
    }

    public SubmitterSettings withBatchSize(int messages) {
        return new SubmitterSettings(messages, maxBatchBytes, threads, queuedBatches);
    }

    public SubmitterSettings withMaxBatchBytes(long bytes) {
        return new SubmitterSettings(batchSize, bytes, threads, queuedBatches);
    }

    public SubmitterSettings withThreads(int count) {
        return new SubmitterSettings(batchSize, maxBatchBytes, count, queuedBatches);
    }

    public SubmitterSettings withQueuedBatches(int count) {
        return new SubmitterSettings(batchSize, maxBatchBytes, threads, count);
    }

    public int batchSize() {
        return batchSize;
    }

    public long maxBatchBytes() {
        return maxBatchBytes;
    }

    public int threads() {
        return threads;
    }

    public int queuedBatches() {
        return queuedBatches;
    }

    private static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    private static long positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "SubmitterSettings[batchSize=" + batchSize + ", maxBatchBytes=" + maxBatchBytes
                + ", threads=" + threads + ", queuedBatches=" + queuedBatches + "]";
    }
}
