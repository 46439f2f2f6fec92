package io.crmbridge.bench.sync;

import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.backend.exchange.sync.ContactSource;
import io.crmbridge.backend.exchange.sync.SourceContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An in-memory CRM of {@code n} realistic contacts, so that the sync is measured and not the record store. */
final class BenchContacts implements ContactSource {
    private final ConcurrentSkipListMap<String, SourceContact> contacts = new ConcurrentSkipListMap<>();

    BenchContacts(int n) {
        for (int i = 0; i < n; i++) {
            String id = String.format("%08d-0000-4000-8000-%012d", i, i);
            contacts.put(id, new SourceContact(id, fields(i), ""));
        }
    }

    static ContactFields fields(int i) {
        return ContactFields.builder().givenName("Given" + i).surname("Surname" + i).email("contact" + i + "@customer" + (i % 97) + ".example")
                .company("Customer " + (i % 97) + " GmbH").jobTitle("Purchasing manager").businessPhone("+49 30 " + (1000000 + i))
                .city("Berlin").build();
    }

    @Override
    public List<SourceContact> page(String afterCrmId, int limit) {
        var tail = afterCrmId.isEmpty() ? contacts : contacts.tailMap(afterCrmId, false);
        List<SourceContact> out = new ArrayList<>(Math.min(limit, tail.size()));
        for (SourceContact c : tail.values()) {
            if (out.size() == limit) {
                break;
            }
            out.add(c);
        }
        return out;
    }

    @Override
    public Optional<SourceContact> find(String crmId) {
        return Optional.ofNullable(contacts.get(crmId));
    }
}
