package io.crmbridge.backend.intake;

import io.crmbridge.backend.correlation.SubjectTag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The key that makes one message one activity however many mailboxes saw it: the normalized Message-ID,
 * or, for mail without one, {@code sha256:} and a hash of sender, date, subject and body.
 */
public final class MessageKey {
    private static final String HASH_PREFIX = "sha256:";
    // Mailboxes may cut bodies at different sizes; the start of a body is what they agree on.
    private static final int HASHED_BODY_CHARS = 2000;

    private MessageKey() {
    }

    /** The key of {@code mail}. */
    public static String of(InboundMail mail) {
        return mail.messageId().flatMap(MessageKey::normalizeMessageId).orElseGet(() -> contentHash(mail));
    }

    /**
     * A Message-ID as stored and compared: trimmed, in angle brackets; empty for blank text. Case is kept
     * (the local part of a Message-ID is case-sensitive).
     */
    public static Optional<String> normalizeMessageId(String raw) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty() || id.equals("<>")) {
            return Optional.empty();
        }
        if (!id.startsWith("<")) {
            id = "<" + id;
        }
        if (!id.endsWith(">")) {
            id = id + ">";
        }
        return Optional.of(id);
    }

    /*
     * Each part is normalized so that the Sent copy and the Inbox copies of one message agree: the
     * sender's address in lower case, the posted time to the second, the subject without CRM tags (the
     * Sent copy may be tagged later) and whitespace runs collapsed.
     */
    private static String contentHash(InboundMail mail) {
        String sender = mail.from().map(p -> p.email().isBlank() ? p.notesName() : p.email()).orElse("")
                .strip().toLowerCase(Locale.ROOT);
        String date = mail.postedAt().or(mail::deliveredAt).map(t -> t.truncatedTo(ChronoUnit.SECONDS))
                .map(Instant::toString).orElse("");
        String subject = SubjectTag.strip(mail.subject());
        String body = mail.body().replaceAll("\\s+", " ").strip();
        if (body.length() > HASHED_BODY_CHARS) {
            body = body.substring(0, HASHED_BODY_CHARS);
        }
        String content = sender + "\n" + date + "\n" + subject + "\n" + body;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HASH_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
