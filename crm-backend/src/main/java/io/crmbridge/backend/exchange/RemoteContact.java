package io.crmbridge.backend.exchange;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact as an Exchange server holds it now.
 *
 * @param fields       the mapped fields read back
 * @param etag         the server's version tag, "" when it sent none
 * @param lastModified when the server says it last changed ({@link Instant#EPOCH} when unknown); not
 *                     a reliable sign of an edit, since some versions bump it when an item is opened
 */
public record RemoteContact(ContactFields fields, String etag, Instant lastModified) {

    public RemoteContact {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
