package io.crmbridge.backend.activity;

import io.crmbridge.backend.BackendException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of a record's activities starts: the record, and the time and id of the last activity
 * shown. Opaque to callers (URL-safe Base64); a token for another record or not from here is refused.
 */
record PageToken(UUID recordId, Instant occurredAt, UUID activityId) {

    String encode() {
        String plain = "v1|" + recordId + "|" + occurredAt.getEpochSecond() + "|" + occurredAt.getNano() + "|" + activityId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static PageToken decode(String token, UUID forRecord) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            String[] p = plain.split("\\|");
            if (p.length != 5 || !"v1".equals(p[0])) {
                throw new IllegalArgumentException("unknown token format");
            }
            PageToken t = new PageToken(UUID.fromString(p[1]), Instant.ofEpochSecond(Long.parseLong(p[2]), Long.parseLong(p[3])),
                    UUID.fromString(p[4]));
            if (!t.recordId().equals(forRecord)) {
                throw new IllegalArgumentException("token of another record");
            }
            return t;
        } catch (RuntimeException e) {
            throw new BackendException(BackendException.INVALID_REQUEST, "the page token is not one this service gave for this record");
        }
    }
}
