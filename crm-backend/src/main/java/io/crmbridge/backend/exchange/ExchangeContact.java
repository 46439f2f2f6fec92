package io.crmbridge.backend.exchange;

import java.util.Objects;

/** A CRM contact as it is to appear in Exchange: the CRM id that names the item, and its fields. */
public record ExchangeContact(String crmId, ContactFields fields) {

    public ExchangeContact {
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(fields, "fields");
        if (crmId.isBlank()) {
            throw new IllegalArgumentException("a contact needs its CRM id");
        }
    }
}
