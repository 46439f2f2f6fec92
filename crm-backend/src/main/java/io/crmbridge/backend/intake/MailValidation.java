package io.crmbridge.backend.intake;

import java.util.List;
import java.util.Optional;

/** Checks a submitted mail against what the store can keep; answers the first problem in words an agent's log can show. */
final class MailValidation {
    static final int MAX_ADDRESS = 320;
    static final int MAX_MESSAGE_ID = 998;
    static final int MAX_SUBJECT = 4000;
    static final int MAX_CLIENT_REF = 200;
    static final int MAX_NAME = 400;
    static final int MAX_DOMINO_ID = 64;
    static final int MAX_BODY = 4 * 1024 * 1024;
    static final int MAX_PARTIES = 2000;

    private MailValidation() {
    }

    static Optional<String> problem(InboundMail m) {
        if (m.mailbox().isBlank()) {
            return Optional.of("mailbox is required");
        }
        if (m.folder() == null) {
            return Optional.of("folder is required (INBOX or SENT)");
        }
        return firstOf(
                tooLong("mailbox", m.mailbox(), MAX_ADDRESS),
                tooLong("clientRef", m.clientRef(), MAX_CLIENT_REF),
                tooLong("messageId", m.messageId().orElse(""), MAX_MESSAGE_ID),
                tooLong("inReplyTo", m.inReplyTo().orElse(""), MAX_MESSAGE_ID),
                m.references().stream().map(r -> tooLong("references", r, MAX_MESSAGE_ID)).flatMap(Optional::stream).findFirst(),
                tooLong("subject", m.subject(), MAX_SUBJECT),
                tooLong("body", m.body(), MAX_BODY),
                tooLong("replicaId", m.replicaId(), MAX_DOMINO_ID),
                tooLong("unid", m.unid(), MAX_DOMINO_ID),
                m.from().flatMap(p -> party("from", p)),
                parties("to", m.to()),
                parties("cc", m.cc()),
                parties("bcc", m.bcc()),
                m.to().size() + m.cc().size() + m.bcc().size() > MAX_PARTIES
                        ? Optional.of("more than " + MAX_PARTIES + " recipients") : Optional.empty(),
                m.attachments().stream().map(a -> a.size() < 0 ? Optional.of("attachment " + a.name() + " has a negative size")
                        : tooLong("attachment name", a.name(), MAX_NAME)).flatMap(Optional::stream).findFirst());
    }

    private static Optional<String> parties(String header, List<Party> parties) {
        return parties.stream().map(p -> party(header, p)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> party(String header, Party p) {
        return firstOf(tooLong(header + " address", p.email(), MAX_ADDRESS),
                tooLong(header + " display name", p.displayName(), MAX_NAME),
                tooLong(header + " Notes name", p.notesName(), MAX_NAME));
    }

    private static Optional<String> tooLong(String what, String value, int max) {
        return value.length() > max
                ? Optional.of(what + " is longer than " + max + " characters (" + value.length() + ")")
                : Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> firstOf(Optional<String>... checks) {
        for (Optional<String> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }
}
