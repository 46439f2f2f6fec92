package io.crmbridge.backend.record;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A record input that passed validation: GUIDs parsed, name derived, emails normalized. */
record ValidRecord(RecordType type, Optional<UUID> id, String name, String firstName, String middleName, String lastName,
                   List<String> emails, String company, String title, String phone, String fax, String mobile,
                   String street, String city, String state, String postalCode, String country, String notes,
                   Optional<UUID> parentId, String owner) {

    ValidRecord withId(UUID newId) {
        return new ValidRecord(type, Optional.of(newId), name, firstName, middleName, lastName, emails, company, title, phone,
                fax, mobile, street, city, state, postalCode, country, notes, parentId, owner);
    }

    /** This record without its parent (set later, once every row of an import is stored). */
    ValidRecord withoutParent() {
        return new ValidRecord(type, id, name, firstName, middleName, lastName, emails, company, title, phone,
                fax, mobile, street, city, state, postalCode, country, notes, Optional.empty(), owner);
    }
}
