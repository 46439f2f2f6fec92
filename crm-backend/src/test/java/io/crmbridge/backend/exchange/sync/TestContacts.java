package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ContactFields;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An in-memory CRM for sync tests: contacts by CRM id, in id order. */
final class TestContacts implements ContactSource {

    private final ConcurrentSkipListMap<String, SourceContact> contacts = new ConcurrentSkipListMap<>();

    static String id(int n) {
        return String.format("c%05d", n);
    }

    /** A plain contact number {@code n}, owned by nobody. */
    static ContactFields person(int n) {
        return ContactFields.builder().givenName("Given" + n).surname("Sur" + n).email("p" + n + "@example.com")
                .company("Company " + (n % 97)).jobTitle("Title " + n).businessPhone("+1 555 " + n).city("City")
                .build();
    }

    TestContacts put(String crmId, ContactFields fields) {
        return put(crmId, fields, "");
    }

    TestContacts put(String crmId, ContactFields fields, String owner) {
        contacts.put(crmId, new SourceContact(crmId, fields, owner));
        return this;
    }

    TestContacts remove(String crmId) {
        contacts.remove(crmId);
        return this;
    }

    @Override
    public List<SourceContact> page(String afterCrmId, int limit) {
        var tail = afterCrmId.isEmpty() ? contacts : contacts.tailMap(afterCrmId, false);
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public Optional<SourceContact> find(String crmId) {
        return Optional.ofNullable(contacts.get(crmId));
    }
}
