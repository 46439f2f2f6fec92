package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ContactFolder;
import java.util.Objects;

/**
 * A mailbox that receives contacts: the Exchange server it lives on (an id of
 * {@link ContactSyncSettings#servers()}), its alias and its contacts folder (localized).
 */
public record MailboxTarget(String server, String mailbox, String folder) {

    public MailboxTarget {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
        if (server.isBlank() || mailbox.isBlank() || folder.isBlank()) {
            throw new IllegalArgumentException("a mailbox target needs a server, a mailbox and a folder");
        }
    }

    public ContactFolder contactFolder() {
        return new ContactFolder(mailbox, folder);
    }
}
