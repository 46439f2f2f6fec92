package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ContactFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a contact's mapped fields: equal fingerprints mean Exchange shows the same contact.
 * Used both to skip unchanged contacts and to spot edits made in Outlook.
 */
final class ContactFingerprint {

    private ContactFingerprint() {
    }

    static String of(ContactFields f) {
        List<String> parts = List.of(f.givenName(), f.middleName(), f.surname(), f.displayName(), f.fileAs(),
                String.join("\u0001", f.emailAddresses()), f.company(), f.jobTitle(), f.businessPhone(),
                f.businessFax(), f.mobilePhone(), f.street(), f.city(), f.state(), f.postalCode(), f.country(),
                f.notes());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
