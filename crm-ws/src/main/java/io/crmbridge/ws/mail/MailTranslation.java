package io.crmbridge.ws.mail;

import io.crmbridge.backend.intake.AttachmentMeta;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailStatus;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.outgoing.OutgoingMail;
import io.crmbridge.backend.sending.MailToSend;
import io.crmbridge.ws.mail.v1.SendMail;
import io.crmbridge.ws.mail.v1.TagOutgoing;
import io.crmbridge.ws.mail.v1.Address;
import io.crmbridge.ws.mail.v1.Attachment;
import io.crmbridge.ws.mail.v1.CorrelationMethod;
import io.crmbridge.ws.mail.v1.MailMessage;
import io.crmbridge.ws.mail.v1.MailState;
import io.crmbridge.ws.mail.v1.Receipt;
import io.crmbridge.ws.mail.v1.ReceiptStatus;
import io.crmbridge.ws.mail.v1.RecordRef;
import io.crmbridge.ws.server.Guids;
import io.crmbridge.ws.server.XmlTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Maps the mail contract's types to the backend's and back; rejects what the backend cannot take. */
final class MailTranslation {
    static final String INVALID_MESSAGE = "INVALID_MESSAGE";

    private MailTranslation() {
    }

    /** Either a message for the backend or the receipt that rejects it. */
    record Result(Optional<InboundMail> mail, Optional<Receipt> rejection) {
    }

    static Result toInbound(MailMessage m, int position) {
        String clientRef = blank(m.getClientRef()) ? "#" + position : m.getClientRef().trim();
        if (blank(m.getMailbox())) {
            return reject(clientRef, "The message has no mailbox.");
        }
        if (m.getFolder() == null) {
            return reject(clientRef, "The message has no folder (INBOX or SENT).");
        }
        List<Party> to = parties(m.getTo());
        List<Party> cc = parties(m.getCc());
        List<Party> bcc = parties(m.getBcc());
        Optional<Party> from = Optional.ofNullable(m.getFrom()).flatMap(MailTranslation::party);
        List<AttachmentMeta> attachments = new ArrayList<>();
        for (Attachment a : m.getAttachment()) {
            if (a == null || blank(a.getName()) || a.getSize() < 0) {
                return reject(clientRef, "An attachment needs a name and a size of 0 or more.");
            }
            attachments.add(new AttachmentMeta(a.getName(), a.getSize()));
        }
        InboundMail mail = new InboundMail(
                clientRef,
                m.getMailbox().trim(),
                MailFolder.valueOf(m.getFolder().name()),
                optional(m.getMessageId()),
                optional(m.getInReplyTo()),
                m.getReferences().stream().filter(r -> !blank(r)).map(String::trim).toList(),
                text(m.getSubject()),
                from,
                to,
                cc,
                bcc,
                XmlTimes.toInstant(m.getPostedAt()),
                XmlTimes.toInstant(m.getDeliveredAt()),
                text(m.getBody()),
                Boolean.TRUE.equals(m.isBodyTruncated()),
                attachments,
                text(m.getReplicaId()),
                text(m.getUnid()));
        return new Result(Optional.of(mail), Optional.empty());
    }

    static Receipt toContract(io.crmbridge.backend.intake.Receipt r) {
        Receipt receipt = new Receipt();
        receipt.setClientRef(r.clientRef());
        receipt.setStatus(ReceiptStatus.valueOf(r.status().name()));
        receipt.setReceiptId(r.receiptId().orElse(null));
        receipt.setFaultCode(r.faultCode().orElse(null));
        receipt.setReason(r.reason().orElse(null));
        return receipt;
    }

    static io.crmbridge.ws.mail.v1.MailStatus toContract(MailStatus s) {
        io.crmbridge.ws.mail.v1.MailStatus status = new io.crmbridge.ws.mail.v1.MailStatus();
        status.setReceiptId(s.receiptId());
        status.setState(MailState.valueOf(s.state().name()));
        status.setActivityId(s.activityId().orElse(null));
        s.regarding().ifPresent(r -> status.setRegarding(toContract(r)));
        status.setCorrelation(s.correlation().map(c -> CorrelationMethod.valueOf(c.name())).orElse(null));
        status.setEvidence(s.evidence().orElse(null));
        status.setReason(s.reason().orElse(null));
        status.setDetail(s.detail().orElse(null));
        return status;
    }

    static OutgoingMail toOutgoing(TagOutgoing request) {
        return new OutgoingMail(request.getMailbox().trim(), text(request.getSubject()), parties(request.getTo()),
                parties(request.getCc()), parties(request.getBcc()), optional(request.getInReplyTo()),
                request.getReferences().stream().filter(r -> !blank(r)).map(String::trim).toList());
    }

    /** The mail to send, or empty when a required part is missing or the regarding id is not a GUID. */
    static Optional<MailToSend> toSend(SendMail request) {
        if (request == null || blank(request.getRegardingId()) || request.getFrom() == null || blank(request.getSubject())
                || request.getBody() == null) {
            return Optional.empty();
        }
        Optional<Party> from = party(request.getFrom()).filter(p -> !p.email().isEmpty());
        List<Party> to = parties(request.getTo());
        Optional<UUID> regarding = Guids.parse(request.getRegardingId());
        if (from.isEmpty() || to.isEmpty() || regarding.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MailToSend(regarding.get(), from.get(), to, parties(request.getCc()), parties(request.getBcc()),
                request.getSubject().trim(), request.getBody(), optional(request.getClientRef())));
    }

    static RecordRef toContract(io.crmbridge.backend.record.RecordRef r) {
        RecordRef ref = new RecordRef();
        ref.setType(r.type().name());
        ref.setId(r.id().toString());
        ref.setName(r.name());
        return ref;
    }

    private static Result reject(String clientRef, String reason) {
        return new Result(Optional.empty(), Optional.of(MailEndpoint.rejected(clientRef, INVALID_MESSAGE, reason)));
    }

    private static List<Party> parties(List<Address> addresses) {
        List<Party> parties = new ArrayList<>(addresses.size());
        for (Address a : addresses) {
            party(a).ifPresent(parties::add);
        }
        return parties;
    }

    private static Optional<Party> party(Address a) {
        if (a == null || (blank(a.getEmail()) && blank(a.getNotesName()))) {
            return Optional.empty();
        }
        return Optional.of(new Party(text(a.getEmail()).trim(), text(a.getDisplayName()).trim(), text(a.getNotesName()).trim()));
    }

    private static Optional<String> optional(String s) {
        return blank(s) ? Optional.empty() : Optional.of(s.trim());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
