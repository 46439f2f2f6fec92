package io.crmbridge.backend.access;

import java.util.Objects;

/** A user of the SOAP API, by name, with the role that limits what it may call. */
public record ApiUser(String name, Role role) {
    public ApiUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
