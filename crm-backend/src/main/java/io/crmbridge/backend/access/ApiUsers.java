package io.crmbridge.backend.access;

import io.crmbridge.backend.store.Database;

import java.util.List;
import java.util.Optional;

/** The users of the SOAP API: their roles and salted password hashes, and checking a password. */
public final class ApiUsers {
    private final Database db;

    public ApiUsers(Database db) {
        this.db = db;
    }

    /** Adds a user, or replaces the role and password of an existing one. */
    public void add(String name, Role role, char[] password) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The user when the name and password match; empty otherwise. */
    public Optional<ApiUser> authenticate(String name, char[] password) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every user, by name. */
    public List<ApiUser> list() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Removes a user; false when there was none of that name. */
    public boolean remove(String name) {
        throw new UnsupportedOperationException("TODO");
    }
}
