package io.crmbridge.backend.sending;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.intake.Party;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link MailToSend} checked and in SMTP terms: every address parsed strictly, the limits of the store kept.
 * A problem is an INVALID_REQUEST naming the field.
 */
record OutgoingMessage(InternetAddress from, InternetAddress[] to, InternetAddress[] cc, InternetAddress[] bcc) {
    private static final int MAX_SUBJECT = 3900; // the store keeps 4000, the tag needs room
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int MAX_CLIENT_REF = 200;
    private static final int MAX_RECIPIENTS = 500;

    static OutgoingMessage of(MailToSend mail) {
        if (mail.to().isEmpty()) {
            throw invalid("at least one 'to' recipient is required");
        }
        if (mail.to().size() + mail.cc().size() + mail.bcc().size() > MAX_RECIPIENTS) {
            throw invalid("at most " + MAX_RECIPIENTS + " recipients");
        }
        if (mail.subject().isBlank()) {
            throw invalid("a subject is required");
        }
        if (mail.subject().length() > MAX_SUBJECT) {
            throw invalid("the subject is longer than " + MAX_SUBJECT + " characters");
        }
        if (mail.body().length() > MAX_BODY) {
            throw invalid("the body is longer than " + MAX_BODY + " characters");
        }
        if (mail.clientRef().map(String::length).orElse(0) > MAX_CLIENT_REF) {
            throw invalid("the clientRef is longer than " + MAX_CLIENT_REF + " characters");
        }
        if (mail.clientRef().map(String::isBlank).orElse(false)) {
            throw invalid("the clientRef is blank; leave it out instead");
        }
        return new OutgoingMessage(address("from", mail.from()), addresses("to", mail.to()), addresses("cc", mail.cc()),
                addresses("bcc", mail.bcc()));
    }

    int recipientCount() {
        return to.length + cc.length + bcc.length;
    }

    /**
     * Our Message-ID for the mail, in the sender's domain: derived from the clientRef when there is one (a retry
     * carries the same id), else random.
     */
    String messageId(Optional<String> clientRef) {
        UUID unique = clientRef.map(ref -> UUID.nameUUIDFromBytes(("crm-bridge SendMail " + ref).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(UUID::randomUUID);
        String address = from.getAddress();
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return "<crm." + unique + "@" + domain + ">";
    }

    private static InternetAddress[] addresses(String field, List<Party> parties) {
        InternetAddress[] out = new InternetAddress[parties.size()];
        for (int i = 0; i < parties.size(); i++) {
            out[i] = address(field, parties.get(i));
        }
        return out;
    }

    private static InternetAddress address(String field, Party p) {
        String email = p.email().strip();
        if (email.isEmpty()) {
            throw invalid(field + " needs an internet address" + (p.notesName().isEmpty() ? "" : " (not only the Notes name "
                    + p.notesName() + ")"));
        }
        try {
            InternetAddress parsed = new InternetAddress(email, true);
            if (parsed.getAddress().indexOf('@') < 1 || parsed.isGroup()) {
                throw new AddressException("not a single address with a domain", email);
            }
            return p.displayName().isBlank() ? parsed
                    : new InternetAddress(parsed.getAddress(), p.displayName().strip(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw invalid(field + " address '" + email + "' is not an internet address: " + e.getMessage());
        }
    }

    private static BackendException invalid(String message) {
        return new BackendException(BackendException.INVALID_REQUEST, message);
    }
}
