package io.crmbridge.backend.record;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record to create or update, as an integrator sends it. Text is "" when absent; {@code id} and
 * {@code parentId} are GUID strings (checked by {@link RecordStore#upsert}); an empty {@code id} makes a
 * new record with a generated GUID. {@code owner} is the alias of the owner's Exchange mailbox, as
 * {@code exchange.contacts.mailboxes} names it ("" for none): the mailbox a contact goes to when contacts
 * are synced to their owners.
 */
public record RecordInput(RecordType type, Optional<String> id, String name, String firstName, String middleName,
                          String lastName, List<String> emails, String company, String title, String phone, String fax,
                          String mobile, String street, String city, String state, String postalCode, String country,
                          String notes, Optional<String> parentId, String owner) {

    public RecordInput {
        Objects.requireNonNull(type, "type");
        id = Objects.requireNonNullElse(id, Optional.empty());
        name = Objects.requireNonNullElse(name, "");
        firstName = Objects.requireNonNullElse(firstName, "");
        middleName = Objects.requireNonNullElse(middleName, "");
        lastName = Objects.requireNonNullElse(lastName, "");
        emails = List.copyOf(Objects.requireNonNullElse(emails, List.of()));
        company = Objects.requireNonNullElse(company, "");
        title = Objects.requireNonNullElse(title, "");
        phone = Objects.requireNonNullElse(phone, "");
        fax = Objects.requireNonNullElse(fax, "");
        mobile = Objects.requireNonNullElse(mobile, "");
        street = Objects.requireNonNullElse(street, "");
        city = Objects.requireNonNullElse(city, "");
        state = Objects.requireNonNullElse(state, "");
        postalCode = Objects.requireNonNullElse(postalCode, "");
        country = Objects.requireNonNullElse(country, "");
        notes = Objects.requireNonNullElse(notes, "");
        parentId = Objects.requireNonNullElse(parentId, Optional.empty());
        owner = Objects.requireNonNullElse(owner, "");
    }

    /** A record of {@code type} with only a name (and a GUID when {@code id} is not empty), for tests and demos. */
    public static RecordInput named(RecordType type, String id, String name, String... emails) {
        return new RecordInput(type, id.isEmpty() ? Optional.empty() : Optional.of(id), name, "", "", "", List.of(emails),
                "", "", "", "", "", "", "", "", "", "", "", Optional.empty(), "");
    }

    /** This record with another owner (an Exchange mailbox alias, "" for none). */
    public RecordInput withOwner(String newOwner) {
        return new RecordInput(type, id, name, firstName, middleName, lastName, emails, company, title, phone, fax, mobile,
                street, city, state, postalCode, country, notes, parentId, newOwner);
    }
}
