package io.crmbridge.backend.sending;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.store.Database;

import java.util.Objects;

/**
 * Sends mail on behalf of the CRM through SMTP and records it as an outgoing activity on its record, tagged
 * and with its Message-ID kept, so that replies link by tag or, when the tag is lost, by thread.
 */
public final class CrmMailSender {
    private final Database db;
    private final SmtpSettings smtp;

    public CrmMailSender(Database db, SmtpSettings smtp) {
        this.db = Objects.requireNonNull(db, "db");
        this.smtp = Objects.requireNonNull(smtp, "smtp");
    }

    /** Records and sends {@code mail}. TODO */
    public SentMail send(MailToSend mail) {
        throw new BackendException(BackendException.UNAVAILABLE, "not yet built");
    }
}
