package io.crmbridge.agent.core.submit;

/** How the submitter batches and how many batches may be in flight. */
public final class SubmitterSettings {
    // TODO(helper): batchSize (default 50), maxBatchBytes (default 2 MB), threads (default 2),
    // queued batches bound; immutable, with a builder or withers, Java 8.
}
