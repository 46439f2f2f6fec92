package io.crmbridge.backend.recording;

import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Orders the mailboxes that saw a message, so that the first is the activity's owner whatever order the copies
 * are recorded in: by when the mailbox saw it (posted for Sent, delivered for the Inbox, else when it was
 * recorded), Sent before Inbox at the same instant, then by mailbox. As text, so the store can compare it.
 */
final class OwnerRank {
    private OwnerRank() {
    }

    static String of(InboundMail mail, String mailbox, Instant fallback) {
        Instant seen = mail.folder() == MailFolder.SENT
                ? mail.postedAt().or(mail::deliveredAt).orElse(fallback)
                : mail.deliveredAt().or(mail::postedAt).orElse(fallback);
        return of(seen, mail.folder() == MailFolder.SENT, mailbox);
    }

    static String of(Instant seen, boolean sent, String mailbox) {
        // by hand rather than String.format: the same ASCII digits in every locale, and cheap enough for every mail
        String micros = Long.toString(Math.max(0, ChronoUnit.MICROS.between(Instant.EPOCH, seen)));
        return "0".repeat(Math.max(0, 20 - micros.length())) + micros + (sent ? "|0|" : "|1|") + mailbox;
    }
}
