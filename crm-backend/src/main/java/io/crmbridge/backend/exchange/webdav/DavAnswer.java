package io.crmbridge.backend.exchange.webdav;

import java.time.Duration;
import java.util.Optional;

/** An HTTP answer from Exchange: status, body, and the wait it asked for in {@code Retry-After}. */
record DavAnswer(int status, byte[] body, Optional<Duration> retryAfter) {
}
