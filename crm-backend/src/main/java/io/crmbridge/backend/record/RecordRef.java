package io.crmbridge.backend.record;

import java.util.Objects;
import java.util.UUID;

/** A pointer to a CRM record with its name, as shown where an activity says what it is regarding. */
public record RecordRef(RecordType type, UUID id, String name) {
    public RecordRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
    }
}
