package io.crmbridge.backend.exchange.sync;

import java.time.Instant;

/**
 * A contact that could not be pushed: failed for good ({@code FAILED}) or waiting to be retried ({@code PENDING}).
 *
 * @param code          the stable reason, an {@link io.crmbridge.backend.exchange.ExchangeException.Code} name
 * @param reason        what the server said, for a person
 * @param nextAttemptAt when it is tried again (meaningless for FAILED)
 */
public record SyncProblem(String crmId, String mailbox, String folder, String state, String code, String reason,
                          int attempts, Instant nextAttemptAt) {
}
