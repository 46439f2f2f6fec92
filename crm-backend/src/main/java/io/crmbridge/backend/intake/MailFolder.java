package io.crmbridge.backend.intake;

/** Where in a Domino mailbox a mail was seen: the Inbox (received) or Sent (sent by the mailbox's owner). */
public enum MailFolder {
    INBOX,
    SENT
}
