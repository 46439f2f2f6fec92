package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ContactFields;
import java.time.Instant;
import java.util.Optional;

/**
 * A contact found edited in Outlook since it was last pushed.
 *
 * @param resolution {@code OVERWRITTEN} (crm-wins) or {@code LEFT} (report)
 * @param inExchange what Exchange held; empty when the contact had been deleted there
 * @param inCrm      what the CRM wants; empty when the CRM deleted the contact
 */
public record SyncConflict(String crmId, String mailbox, String folder, String resolution,
                           Optional<ContactFields> inExchange, Optional<ContactFields> inCrm, Instant detectedAt) {
}
