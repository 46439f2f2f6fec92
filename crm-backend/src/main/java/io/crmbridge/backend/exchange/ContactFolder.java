package io.crmbridge.backend.exchange;

import java.util.Objects;

/**
 * A contacts folder of one mailbox: where contacts are pushed.
 *
 * @param mailbox the mailbox alias, e.g. {@code jdoe}
 * @param folder  the folder's name as the mailbox shows it (localized by Outlook, e.g. {@code Kontakte});
 *                a subfolder is written with '/', e.g. {@code Contacts/CRM}
 */
public record ContactFolder(String mailbox, String folder) {

    public ContactFolder {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
        if (mailbox.isBlank() || folder.isBlank()) {
            throw new IllegalArgumentException("a contact folder needs a mailbox and a folder name");
        }
    }

    @Override
    public String toString() {
        return mailbox + "/" + folder;
    }
}
