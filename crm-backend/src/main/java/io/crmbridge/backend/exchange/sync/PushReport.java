package io.crmbridge.backend.exchange.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * What one push did, for the run that waits on it.
 *
 * @param pauseServer how long the server asked everyone to stay away ({@code Retry-After} on a 503)
 */
record PushReport(MailboxTarget target, String crmId, Result result, boolean conflict, Optional<Duration> pauseServer) {

    enum Result {
        CREATED,
        UPDATED,
        DELETED,
        /** Left as Exchange has it (policy report). */
        LEFT,
        /** Will be tried again. */
        RETRY,
        /** Failed for good. */
        FAILED
    }
}
