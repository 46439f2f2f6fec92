package io.crmbridge.backend.activity;

import java.util.Objects;

/** A sender or recipient of an activity's mail; text is "" when absent. */
public record ActivityParty(PartyRole role, String email, String displayName) {
    public ActivityParty {
        Objects.requireNonNull(role, "role");
        email = Objects.requireNonNullElse(email, "");
        displayName = Objects.requireNonNullElse(displayName, "");
    }
}
