package io.crmbridge.backend.sending;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.correlation.Correlation;
import io.crmbridge.backend.correlation.Correlator;
import io.crmbridge.backend.correlation.StoreCorrelationContext;
import io.crmbridge.backend.correlation.SubjectTag;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.mailbox.SystemUsers;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.recording.OutgoingActivity;
import io.crmbridge.backend.store.Database;
import io.crmbridge.backend.store.UniqueViolation;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends mail on behalf of the CRM through SMTP and records it as an outgoing activity on its record (correlation
 * TAG: the subject carries the record's tag), with a Message-ID of our own kept on the activity, so that replies
 * link by tag or, when the tag is lost, by thread.
 * <p>
 * Recording and sending are one step: the activity is written, the mail is handed to the SMTP server, and only
 * then is the transaction committed. When the server does not take the mail, nothing is recorded and the caller
 * gets UNAVAILABLE (or INVALID_REQUEST for refused recipients) and may simply try again. A request repeated with
 * the same clientRef answers the first one's result without sending again; while the first is still sending,
 * the repeat waits for it. The Message-ID of a request with a clientRef is derived from it, so that even a retry
 * after a crash between the SMTP answer and the commit carries the same Message-ID.
 */
public final class CrmMailSender {
    private static final Logger LOG = LoggerFactory.getLogger(CrmMailSender.class);

    private final Database db;
    private final Correlator correlator;
    private final SmtpGateway smtp;

    public CrmMailSender(Database db, Correlator correlator, SmtpSettings smtp) {
        this.db = Objects.requireNonNull(db, "db");
        this.correlator = Objects.requireNonNull(correlator, "correlator");
        this.smtp = new SmtpGateway(Objects.requireNonNull(smtp, "smtp"));
    }

    /**
     * Records and sends {@code mail}: the subject gets the regarding record's tag (once), the activity is OUTBOUND,
     * owned by the sender's system user, with every recipient as a party. Throws {@link BackendException}
     * RECORD_NOT_FOUND (no such regarding record), INVALID_REQUEST (no recipient, a bad address, no subject, too
     * long; or recipients the server refused), UNAVAILABLE (SMTP or the store cannot be reached; nothing was sent).
     */
    public SentMail send(MailToSend mail) {
        Objects.requireNonNull(mail, "mail");
        OutgoingMessage message = OutgoingMessage.of(mail);
        Optional<SentMail> earlier = mail.clientRef().flatMap(this::sentBefore);
        if (earlier.isPresent()) {
            LOG.info("CRM mail with clientRef {} was sent before as activity {}, Message-ID {}; not sent again",
                    mail.clientRef().get(), earlier.get().activityId(), earlier.get().messageId());
            return earlier.get();
        }
        SentMail sent;
        try {
            sent = db.jdbi().inTransaction(h -> recordAndSend(h, mail, message));
        } catch (BackendException e) {
            LOG.warn("CRM mail regarding {} from {} not sent: {} {}", mail.regardingId(), message.from().getAddress(), e.code(),
                    e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e) && mail.clientRef().isPresent()) {
                // the same request, sent by another call a moment ago
                Optional<SentMail> other = sentBefore(mail.clientRef().get());
                if (other.isPresent()) {
                    return other.get();
                }
            }
            LOG.error("CRM mail regarding {} from {} not sent, the store failed: {}", mail.regardingId(),
                    message.from().getAddress(), e.toString());
            throw new BackendException(BackendException.UNAVAILABLE, "the mail store cannot record mail now", e);
        }
        db.syncToDisk();
        LOG.info("Sent CRM mail: activity {} Message-ID {} regarding {} from {} to {} recipients via {}", sent.activityId(),
                sent.messageId(), mail.regardingId(), message.from().getAddress(), message.recipientCount(), smtp.where());
        return sent;
    }

    private SentMail recordAndSend(Handle h, MailToSend mail, OutgoingMessage message) {
        Instant now = db.now();
        StoreCorrelationContext context = correlator.context(h);
        RecordRef regarding = context.record(mail.regardingId())
                .orElseThrow(() -> new BackendException(BackendException.RECORD_NOT_FOUND, "no record " + mail.regardingId()));
        String subject = SubjectTag.appendTo(mail.subject(), regarding.id());
        String messageId = message.messageId(mail.clientRef());
        String mailbox = SystemUsers.normalize(message.from().getAddress());
        UUID owner = SystemUsers.findOrCreate(h, mailbox, mail.from().displayName(), mail.from().notesName(), now);
        InboundMail asSent = new InboundMail(mail.clientRef().orElse(""), mailbox, MailFolder.SENT, Optional.of(messageId),
                Optional.empty(), List.of(), subject, Optional.of(new Party(mailbox, mail.from().displayName(), mail.from().notesName())),
                mail.to(), mail.cc(), mail.bcc(), Optional.of(now), Optional.empty(), mail.body(), false, List.of(), "", "");
        Correlation.Linked decision = new Correlation.Linked(regarding, CorrelationMethod.TAG, SubjectTag.format(regarding.id()));
        UUID activityId = OutgoingActivity.record(h, context, asSent, decision, owner, now);
        h.createUpdate("INSERT INTO crm_sent_mail (id, client_ref, activity_id, message_id, subject, sent_at) "
                        + "VALUES (:id, :clientRef, :activity, :messageId, :subject, :now)")
                .bind("id", UUID.randomUUID()).bind("clientRef", mail.clientRef().orElse(null)).bind("activity", activityId)
                .bind("messageId", messageId).bind("subject", subject).bind("now", now).execute();
        MimeMessage mime = smtp.message(messageId);
        try {
            smtp.compose(mime, message.from(), message.to(), message.cc(), message.bcc(), subject, mail.body(), now);
        } catch (MessagingException e) {
            throw new BackendException(BackendException.INVALID_REQUEST, "cannot compose the mail: " + e.getMessage(), e);
        }
        smtp.send(mime);
        return new SentMail(activityId, messageId, subject);
    }

    private Optional<SentMail> sentBefore(String clientRef) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT activity_id, message_id, subject FROM crm_sent_mail "
                        + "WHERE client_ref = :ref")
                .bind("ref", clientRef)
                .map((rs, ctx) -> new SentMail(rs.getObject("activity_id", UUID.class), rs.getString("message_id"),
                        rs.getString("subject")))
                .findOne());
    }
}
