package io.crmbridge.backend.sending;

import java.util.Objects;
import java.util.UUID;

/** A mail the CRM has sent: the outgoing activity recorded for it, its Message-ID, and the subject as sent (tagged). */
public record SentMail(UUID activityId, String messageId, String subject) {
    public SentMail {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
    }
}
