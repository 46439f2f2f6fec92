package io.crmbridge.backend.exchange;

import java.util.Optional;

/**
 * The port to an Exchange server for contacts: one adapter per protocol (WebDAV now; EWS and Graph
 * later). Calls are blocking and safe to make from several threads at once. Every failure is an
 * {@link ExchangeException} that says whether trying again can help.
 */
public interface ExchangeGateway {

    /**
     * Creates the contact in the folder, or replaces the one pushed before for the same CRM id: fields
     * empty in {@code contact} are removed from the Exchange item, so the item ends up holding exactly them.
     */
    UpsertOutcome upsertContact(ContactFolder folder, ExchangeContact contact);

    /** Deletes the contact pushed for this CRM id; a contact that is already gone is not an error. */
    DeleteOutcome deleteContact(ContactFolder folder, String crmId);

    /** Reads back the contact pushed for this CRM id, as Exchange holds it now; empty when there is none. */
    Optional<RemoteContact> readContact(ContactFolder folder, String crmId);
}
