package io.crmbridge.backend.exchange.sync;

import java.util.List;
import java.util.Optional;

/** Where the sync reads CRM contacts from: the record store in production, a list in tests. */
public interface ContactSource {

    /** Up to {@code limit} contacts with a CRM id greater than {@code afterCrmId} ("" for the first page), in id order. */
    List<SourceContact> page(String afterCrmId, int limit);

    /** The contact with this CRM id; empty when it does not exist (any more). */
    Optional<SourceContact> find(String crmId);
}
