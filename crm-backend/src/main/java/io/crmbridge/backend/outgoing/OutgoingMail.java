package io.crmbridge.backend.outgoing;

import io.crmbridge.backend.intake.Party;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A mail about to leave a Domino mailbox, as the tag-on-send agent describes it. */
public record OutgoingMail(String mailbox, String subject, List<Party> to, List<Party> cc, List<Party> bcc,
                           Optional<String> inReplyTo, List<String> references) {
    public OutgoingMail {
        mailbox = Objects.requireNonNullElse(mailbox, "");
        subject = Objects.requireNonNullElse(subject, "");
        to = List.copyOf(Objects.requireNonNullElse(to, List.of()));
        cc = List.copyOf(Objects.requireNonNullElse(cc, List.of()));
        bcc = List.copyOf(Objects.requireNonNullElse(bcc, List.of()));
        inReplyTo = Objects.requireNonNullElse(inReplyTo, Optional.empty());
        references = List.copyOf(Objects.requireNonNullElse(references, List.of()));
    }
}
