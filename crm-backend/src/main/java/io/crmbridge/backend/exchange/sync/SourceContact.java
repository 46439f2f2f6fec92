package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ContactFields;
import java.util.Objects;

/**
 * A CRM contact as the sync reads it.
 *
 * @param crmId        the CRM id, which names the Exchange item
 * @param fields       what Exchange should show
 * @param ownerMailbox the alias of the owner's mailbox, "" when the contact has no owner
 */
public record SourceContact(String crmId, ContactFields fields, String ownerMailbox) {

    public SourceContact {
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(ownerMailbox, "ownerMailbox");
    }
}
