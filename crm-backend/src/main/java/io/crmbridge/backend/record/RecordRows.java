package io.crmbridge.backend.record;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL that reads and writes records and their email addresses, within the caller's transaction. */
final class RecordRows {
    private static final String COLUMNS = "id, record_type, name, first_name, middle_name, last_name, company, title, phone, fax, "
            + "mobile, street, city, region, postal_code, country, notes, parent_id, owner_mailbox, updated_at";

    Optional<RecordType> typeOf(Handle h, UUID id) {
        return h.createQuery("SELECT record_type FROM records WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> RecordType.valueOf(rs.getString(1))).findOne();
    }

    Optional<CrmRecord> find(Handle h, UUID id) {
        List<String> emails = h.createQuery("SELECT email FROM record_emails WHERE record_id = :id ORDER BY ordinal")
                .bind("id", id).mapTo(String.class).list();
        return h.createQuery("SELECT " + COLUMNS + " FROM records WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> read(rs, emails, ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "updated_at", ctx)))
                .findOne();
    }

    private static CrmRecord read(ResultSet rs, List<String> emails, Instant updatedAt) throws SQLException {
        return new CrmRecord(RecordType.valueOf(rs.getString("record_type")), rs.getObject("id", UUID.class),
                rs.getString("name"), rs.getString("first_name"), rs.getString("middle_name"), rs.getString("last_name"),
                emails, rs.getString("company"), rs.getString("title"), rs.getString("phone"), rs.getString("fax"),
                rs.getString("mobile"), rs.getString("street"), rs.getString("city"), rs.getString("region"),
                rs.getString("postal_code"), rs.getString("country"), rs.getString("notes"),
                Optional.ofNullable(rs.getObject("parent_id", UUID.class)), rs.getString("owner_mailbox"), updatedAt);
    }

    void insert(Handle h, UUID id, ValidRecord r, Instant now) {
        h.createUpdate("INSERT INTO records (" + COLUMNS + ", created_at) VALUES (:id, :type, :name, :first, :middle, :last, "
                        + ":company, :title, :phone, :fax, :mobile, :street, :city, :region, :postal, :country, :notes, "
                        + "CAST(:parent AS UUID), :owner, :now, :now)")
                .bindMap(values(id, r)).bind("now", now).execute();
    }

    void update(Handle h, UUID id, ValidRecord r, Instant now) {
        h.createUpdate("UPDATE records SET record_type = :type, name = :name, first_name = :first, middle_name = :middle, "
                        + "last_name = :last, company = :company, title = :title, phone = :phone, fax = :fax, mobile = :mobile, "
                        + "street = :street, city = :city, region = :region, postal_code = :postal, country = :country, "
                        + "notes = :notes, parent_id = CAST(:parent AS UUID), owner_mailbox = :owner, updated_at = :now WHERE id = :id")
                .bindMap(values(id, r)).bind("now", now).execute();
    }

    void setParent(Handle h, UUID id, UUID parent, Instant now) {
        h.createUpdate("UPDATE records SET parent_id = :parent, updated_at = :now WHERE id = :id")
                .bind("parent", parent).bind("now", now).bind("id", id).execute();
    }

    void replaceEmails(Handle h, UUID id, List<String> emails) {
        h.createUpdate("DELETE FROM record_emails WHERE record_id = :id").bind("id", id).execute();
        if (emails.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO record_emails (record_id, email, ordinal) VALUES (:id, :email, :ordinal)");
        for (int i = 0; i < emails.size(); i++) {
            batch.bind("id", id).bind("email", emails.get(i)).bind("ordinal", i).add();
        }
        batch.execute();
    }

    private static Map<String, Object> values(UUID id, ValidRecord r) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", id);
        v.put("type", r.type().name());
        v.put("name", r.name());
        v.put("first", r.firstName());
        v.put("middle", r.middleName());
        v.put("last", r.lastName());
        v.put("company", r.company());
        v.put("title", r.title());
        v.put("phone", r.phone());
        v.put("fax", r.fax());
        v.put("mobile", r.mobile());
        v.put("street", r.street());
        v.put("city", r.city());
        v.put("region", r.state());
        v.put("postal", r.postalCode());
        v.put("country", r.country());
        v.put("notes", r.notes());
        v.put("parent", r.parentId().orElse(null));
        v.put("owner", r.owner());
        return v;
    }
}
