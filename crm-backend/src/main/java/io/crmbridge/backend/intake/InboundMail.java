package io.crmbridge.backend.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail as an agent submits it: where it was seen (mailbox, folder, replica id, UNID), its headers,
 * its plain-text body (possibly cut), and the client's own reference to match the receipt.
 */
public record InboundMail(
        String clientRef,
        String mailbox,
        MailFolder folder,
        Optional<String> messageId,
        Optional<String> inReplyTo,
        List<String> references,
        String subject,
        Optional<Party> from,
        List<Party> to,
        List<Party> cc,
        List<Party> bcc,
        Optional<Instant> postedAt,
        Optional<Instant> deliveredAt,
        String body,
        boolean bodyTruncated,
        List<AttachmentMeta> attachments,
        String replicaId,
        String unid) {

    public InboundMail {
        clientRef = Objects.requireNonNullElse(clientRef, "");
        mailbox = Objects.requireNonNullElse(mailbox, "");
        messageId = Objects.requireNonNullElse(messageId, Optional.empty());
        inReplyTo = Objects.requireNonNullElse(inReplyTo, Optional.empty());
        references = List.copyOf(Objects.requireNonNullElse(references, List.of()));
        subject = Objects.requireNonNullElse(subject, "");
        from = Objects.requireNonNullElse(from, Optional.empty());
        to = List.copyOf(Objects.requireNonNullElse(to, List.of()));
        cc = List.copyOf(Objects.requireNonNullElse(cc, List.of()));
        bcc = List.copyOf(Objects.requireNonNullElse(bcc, List.of()));
        postedAt = Objects.requireNonNullElse(postedAt, Optional.empty());
        deliveredAt = Objects.requireNonNullElse(deliveredAt, Optional.empty());
        body = Objects.requireNonNullElse(body, "");
        attachments = List.copyOf(Objects.requireNonNullElse(attachments, List.of()));
        replicaId = Objects.requireNonNullElse(replicaId, "");
        unid = Objects.requireNonNullElse(unid, "");
    }

    /** This mail with {@code newBody} as its body (how it is stored: the body apart from the rest). */
    public InboundMail withBody(String newBody) {
        return new InboundMail(clientRef, mailbox, folder, messageId, inReplyTo, references, subject, from, to, cc, bcc, postedAt,
                deliveredAt, newBody, bodyTruncated, attachments, replicaId, unid);
    }
}
