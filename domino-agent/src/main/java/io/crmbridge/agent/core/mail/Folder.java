package io.crmbridge.agent.core.mail;

/** The mail folder a message was seen in: received mail or sent mail. */
public enum Folder {
    INBOX,
    SENT
}
