package io.crmbridge.backend.review;

import io.crmbridge.backend.BackendException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of the queue starts: the filters it was asked with, and the queue time and id of the last
 * item shown. Opaque to callers (URL-safe Base64); a token for other filters or not from here is refused.
 */
record QueueToken(String reason, String mailbox, Instant queuedAt, UUID activityId) {

    String encode() {
        String plain = String.join("\n", "q1", reason, mailbox, Long.toString(queuedAt.getEpochSecond()),
                Integer.toString(queuedAt.getNano()), activityId.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static QueueToken decode(String token, String reason, String mailbox) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            String[] p = plain.split("\n", -1);
            if (p.length != 6 || !"q1".equals(p[0])) {
                throw new IllegalArgumentException("unknown token format");
            }
            QueueToken t = new QueueToken(p[1], p[2], Instant.ofEpochSecond(Long.parseLong(p[3]), Long.parseLong(p[4])),
                    UUID.fromString(p[5]));
            if (!t.reason().equals(reason) || !t.mailbox().equals(mailbox)) {
                throw new IllegalArgumentException("token of other filters");
            }
            return t;
        } catch (RuntimeException e) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "the page token is not one this service gave for this reason and mailbox");
        }
    }
}
