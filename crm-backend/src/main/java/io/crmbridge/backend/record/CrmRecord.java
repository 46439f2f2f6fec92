package io.crmbridge.backend.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored CRM record. Text is "" when absent; emails are lower-case; {@code owner} is the alias of the
 * owner's Exchange mailbox ("" for none).
 */
public record CrmRecord(RecordType type, UUID id, String name, String firstName, String middleName, String lastName,
                        List<String> emails, String company, String title, String phone, String fax, String mobile,
                        String street, String city, String state, String postalCode, String country, String notes,
                        Optional<UUID> parentId, String owner, Instant updatedAt) {

    public CrmRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        emails = List.copyOf(emails);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** This record as an activity's regarding reference. */
    public RecordRef ref() {
        return new RecordRef(type, id, name);
    }
}
