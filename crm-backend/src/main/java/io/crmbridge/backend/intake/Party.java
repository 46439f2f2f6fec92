package io.crmbridge.backend.intake;

import java.util.Objects;

/**
 * One sender or recipient of a submitted mail.
 *
 * @param email       the RFC 822 address, "" when Domino had none
 * @param displayName the phrase shown with the address, "" when absent
 * @param notesName   the Notes canonical name ({@code CN=Jane Doe/O=Acme}), "" when absent
 */
public record Party(String email, String displayName, String notesName) {
    public Party {
        email = Objects.requireNonNullElse(email, "");
        displayName = Objects.requireNonNullElse(displayName, "");
        notesName = Objects.requireNonNullElse(notesName, "");
    }

    /** A party known only by its address. */
    public static Party of(String email) {
        return new Party(email, "", "");
    }
}
