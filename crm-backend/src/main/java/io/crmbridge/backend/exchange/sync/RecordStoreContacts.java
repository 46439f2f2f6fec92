package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.backend.record.CrmRecord;
import io.crmbridge.backend.record.RecordStore;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.store.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The CRM's contacts from the record store, each with its owner's mailbox alias ("" for none), which
 * decides where it goes in mode {@link TargetMode#OWNER}.
 */
public final class RecordStoreContacts implements ContactSource {

    private static final List<String> COLUMNS = List.of("id", "name", "first_name", "middle_name", "last_name",
            "company", "title", "phone", "fax", "mobile", "street", "city", "region", "postal_code", "country", "notes",
            "owner_mailbox");

    private final Database db;
    private final RecordStore records;

    public RecordStoreContacts(Database db, RecordStore records) {
        this.db = db;
        this.records = records;
    }

    @Override
    public List<SourceContact> page(String afterCrmId, int limit) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery("SELECT " + String.join(", ", COLUMNS) + " FROM records WHERE record_type = 'CONTACT'"
                    + (afterCrmId.isEmpty() ? "" : " AND id > :after") + " ORDER BY id FETCH FIRST :limit ROWS ONLY");
            if (!afterCrmId.isEmpty()) {
                query.bind("after", UUID.fromString(afterCrmId));
            }
            List<Map<String, String>> rows = query.bind("limit", limit).map((rs, ctx) -> {
                Map<String, String> row = new HashMap<>();
                for (String column : COLUMNS) {
                    String value = rs.getString(column);
                    row.put(column, value == null ? "" : value);
                }
                return row;
            }).list();
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<String, List<String>> emails = new HashMap<>();
            h.createQuery("SELECT record_id, email FROM record_emails WHERE record_id IN (<ids>) ORDER BY ordinal")
                    .bindList("ids", rows.stream().map(r -> UUID.fromString(r.get("id"))).toList())
                    .map((rs, ctx) -> Map.entry(rs.getObject("record_id", UUID.class).toString(), rs.getString("email")))
                    .forEach(e -> emails.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return rows.stream().map(r -> contact(r, emails.getOrDefault(r.get("id"), List.of()))).toList();
        });
    }

    @Override
    public Optional<SourceContact> find(String crmId) {
        UUID id;
        try {
            id = UUID.fromString(crmId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return records.find(id).filter(r -> r.type() == RecordType.CONTACT).map(RecordStoreContacts::contact);
    }

    static SourceContact contact(CrmRecord r) {
        return new SourceContact(r.id().toString(), fields(r.name(), r.firstName(), r.middleName(), r.lastName(),
                r.emails(), r.company(), r.title(), r.phone(), r.fax(), r.mobile(), r.street(), r.city(), r.state(),
                r.postalCode(), r.country(), r.notes()), r.owner());
    }

    private static SourceContact contact(Map<String, String> r, List<String> emails) {
        return new SourceContact(UUID.fromString(r.get("id")).toString(), fields(text(r, "name"), text(r, "first_name"), text(r, "middle_name"),
                text(r, "last_name"), emails, text(r, "company"), text(r, "title"), text(r, "phone"), text(r, "fax"),
                text(r, "mobile"), text(r, "street"), text(r, "city"), text(r, "region"), text(r, "postal_code"),
                text(r, "country"), text(r, "notes")), text(r, "owner_mailbox"));
    }

    private static ContactFields fields(String name, String first, String middle, String last, List<String> emails,
                                        String company, String title, String phone, String fax, String mobile,
                                        String street, String city, String state, String postalCode, String country,
                                        String notes) {
        boolean named = !(first + middle + last).isBlank();
        return ContactFields.builder().givenName(first).middleName(middle).surname(last)
                .displayName(named ? "" : name).emails(emails).company(company).jobTitle(title).businessPhone(phone)
                .businessFax(fax).mobilePhone(mobile).street(street).city(city).state(state).postalCode(postalCode)
                .country(country).notes(notes).build();
    }

    private static String text(Map<String, String> row, String column) {
        return row.get(column);
    }
}
