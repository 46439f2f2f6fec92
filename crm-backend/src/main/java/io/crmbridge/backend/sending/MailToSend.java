package io.crmbridge.backend.sending;

import io.crmbridge.backend.intake.Party;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A mail the CRM sends about a record: the sender (a mailbox of the organisation, the activity's owner), the
 * recipients, the subject without tag, a plain-text body, and the caller's reference that makes a repeated
 * request send nothing twice.
 */
public record MailToSend(UUID regardingId, Party from, List<Party> to, List<Party> cc, List<Party> bcc, String subject,
                         String body, Optional<String> clientRef) {
    public MailToSend {
        Objects.requireNonNull(regardingId, "regardingId");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(Objects.requireNonNullElse(to, List.of()));
        cc = List.copyOf(Objects.requireNonNullElse(cc, List.of()));
        bcc = List.copyOf(Objects.requireNonNullElse(bcc, List.of()));
        subject = Objects.requireNonNullElse(subject, "");
        body = Objects.requireNonNullElse(body, "");
        clientRef = Objects.requireNonNullElse(clientRef, Optional.empty());
    }
}
