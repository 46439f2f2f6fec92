package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.sync.OutboxRow.Action;
import io.crmbridge.backend.store.Database;
import io.crmbridge.backend.store.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The durable outbox of contact pushes: one row per contact per target folder, holding what Exchange
 * should have, what was last pushed, and where the work stands. Rows are claimed with a lease, so an
 * HTTP call never runs inside a transaction and a crashed node's work comes back after the lease.
 */
final class Outbox {

    static final String PENDING = "PENDING";
    static final String SYNCED = "SYNCED";
    static final String FAILED = "FAILED";
    static final String CONFLICT = "CONFLICT";

    private static final String ROW_COLUMNS = "id, server, mailbox, folder, crm_id, action, version, wanted_hash, "
            + "pushed_hash, attempts, claimed_until";

    private final Database db;

    Outbox(Database db) {
        this.db = db;
    }

    Database db() {
        return db;
    }

    /** An existing row's state, for deciding whether a change needs pushing. */
    record Existing(UUID id, String crmId, Action action, String state, String wantedHash) {
    }

    /** How many rows an enqueue made pending, and how many it found already up to date. */
    record Enqueued(int queued, int unchanged) {
        Enqueued plus(Enqueued other) {
            return new Enqueued(queued + other.queued, unchanged + other.unchanged);
        }
    }

    /** The rows of a target, all of them or those of the given CRM ids. */
    Map<String, Existing> existing(Handle h, MailboxTarget target, Optional<Collection<String>> crmIds) {
        String sql = "SELECT id, crm_id, action, state, wanted_hash FROM exchange_contact_outbox "
                + "WHERE server = :server AND mailbox = :mailbox AND folder = :folder"
                + (crmIds.isPresent() ? " AND crm_id IN (<ids>)" : "");
        if (crmIds.isPresent() && crmIds.get().isEmpty()) {
            return Map.of();
        }
        var query = h.createQuery(sql).bind("server", target.server()).bind("mailbox", target.mailbox())
                .bind("folder", target.folder());
        crmIds.ifPresent(ids -> query.bindList("ids", List.copyOf(ids)));
        Map<String, Existing> rows = new HashMap<>();
        query.map((rs, ctx) -> new Existing(rs.getObject("id", UUID.class), rs.getString("crm_id"),
                        Action.valueOf(rs.getString("action")), rs.getString("state"), rs.getString("wanted_hash")))
                .forEach(e -> rows.put(e.crmId(), e));
        return rows;
    }

    /**
     * Makes each wanted contact pending unless its row already wants exactly that (same hash) and is
     * synced, pending or left in conflict; a failed row is retried only when {@code retryFailed}.
     */
    Enqueued want(Handle h, MailboxTarget target, Collection<Wanted> wanted, Map<String, Existing> existing,
                  boolean retryFailed, Instant now) {
        PreparedBatch inserts = h.prepareBatch("INSERT INTO exchange_contact_outbox (id, server, mailbox, folder, "
                + "crm_id, action, state, version, wanted_hash, pushed_hash, attempts, "
                + "next_attempt_at, claimed_until, last_outcome, error_code, error_reason, updated_at) VALUES (:id, "
                + ":server, :mailbox, :folder, :crmId, 'UPSERT', 'PENDING', 1, :hash, '', 0, :now, NULL, "
                + "'', '', '', :now)");
        PreparedBatch updates = repend(h);
        storeContents(h, wanted);
        int queued = 0;
        int unchanged = 0;
        for (Wanted w : wanted) {
            Existing row = existing.get(w.crmId());
            if (row == null) {
                inserts.bind("id", UUID.randomUUID()).bind("server", target.server()).bind("mailbox", target.mailbox())
                        .bind("folder", target.folder()).bind("crmId", w.crmId()).bind("hash", w.hash())
                        .bind("now", now).add();
                queued++;
            } else if (row.action() == Action.UPSERT && row.wantedHash().equals(w.hash())
                    && !(retryFailed && row.state().equals(FAILED))) {
                unchanged++;
            } else {
                updates.bind("id", row.id()).bind("action", Action.UPSERT.name()).bind("hash", w.hash())
                        .bind("now", now).add();
                queued++;
            }
        }
        execute(inserts);
        execute(updates);
        return new Enqueued(queued, unchanged);
    }

    /** Stores the contents not stored yet (another node may store the same at the same time). */
    private void storeContents(Handle h, Collection<Wanted> wanted) {
        Map<String, String> byHash = new HashMap<>();
        wanted.forEach(w -> byHash.putIfAbsent(w.hash(), w.fieldsJson()));
        if (byHash.isEmpty()) {
            return;
        }
        PreparedBatch inserts = h.prepareBatch(db.vendor() == Vendor.H2
                ? "MERGE INTO exchange_contact_contents (hash, fields) KEY (hash) VALUES (:hash, :fields)"
                : "INSERT INTO exchange_contact_contents (hash, fields) VALUES (:hash, :fields) ON CONFLICT (hash) DO NOTHING");
        byHash.forEach((hash, fields) -> inserts.bind("hash", hash).bind("fields", fields).add());
        execute(inserts);
    }

    /** Drops contents no row wants any more. */
    int dropUnwantedContents() {
        return db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM exchange_contact_contents c WHERE NOT EXISTS "
                + "(SELECT 1 FROM exchange_contact_outbox o WHERE o.wanted_hash = c.hash)").execute());
    }

    /** Makes the given rows pending deletes, unless they already are (a failed delete only when {@code retryFailed}). */
    Enqueued unwant(Handle h, Collection<Existing> rows, boolean retryFailed, Instant now) {
        PreparedBatch updates = repend(h);
        int queued = 0;
        int unchanged = 0;
        for (Existing row : rows) {
            if (row.action() == Action.DELETE && !(retryFailed && row.state().equals(FAILED))) {
                unchanged++;
            } else {
                updates.bind("id", row.id()).bind("action", Action.DELETE.name()).bind("hash", "").bind("now", now)
                        .add();
                queued++;
            }
        }
        execute(updates);
        return new Enqueued(queued, unchanged);
    }

    private static PreparedBatch repend(Handle h) {
        return h.prepareBatch("UPDATE exchange_contact_outbox SET action = :action, state = 'PENDING', "
                + "version = version + 1, wanted_hash = :hash, attempts = 0, "
                // a row being pushed waits for that push to end (which makes it due at once)
                + "next_attempt_at = CASE WHEN claimed_until > :now THEN claimed_until ELSE :now END, "
                + "error_code = '', error_reason = '', updated_at = :now WHERE id = :id");
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /**
     * Claims up to {@code limit} due rows of a server for {@code lease}, in the caller's transaction.
     * A row is claimed by a conditional update that moves its next attempt past the lease: of two nodes
     * claiming at once, one updates it and the other finds it no longer due (no SELECT … FOR UPDATE,
     * which H2 answers by going through every due row).
     */
    List<OutboxRow> claim(Handle h, String server, int limit, Instant now, Duration lease) {
        List<OutboxRow> due = h.createQuery("SELECT " + ROW_COLUMNS + " FROM exchange_contact_outbox "
                        + "WHERE server = :server AND state = 'PENDING' AND next_attempt_at <= :now "
                        // the index's own order, so that only :limit rows are read
                        + "ORDER BY server, state, next_attempt_at FETCH FIRST :limit ROWS ONLY")
                .bind("server", server).bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> new OutboxRow(rs.getObject("id", UUID.class),
                        new MailboxTarget(rs.getString("server"), rs.getString("mailbox"), rs.getString("folder")),
                        rs.getString("crm_id"), Action.valueOf(rs.getString("action")), rs.getLong("version"),
                        rs.getString("wanted_hash"), "", rs.getString("pushed_hash"),
                        // A claim still set is one whose node died mid-push: the push may have been made,
                        // so it counts as an attempt and the contact is read back before it is written.
                        rs.getInt("attempts") + (rs.getObject("claimed_until") == null ? 0 : 1)))
                .list();
        if (due.isEmpty()) {
            return due;
        }
        PreparedBatch claims = h.prepareBatch("UPDATE exchange_contact_outbox SET claimed_until = :until, "
                + "next_attempt_at = :until WHERE id = :id AND version = :version AND state = 'PENDING' "
                + "AND next_attempt_at <= :now");
        due.forEach(r -> claims.bind("until", now.plus(lease)).bind("id", r.id()).bind("version", r.version())
                .bind("now", now).add());
        int[] counts = claims.execute();
        List<OutboxRow> claimed = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            if (counts[i] == 1) {
                claimed.add(due.get(i));
            }
        }
        return withContents(h, claimed);
    }

    private static List<OutboxRow> withContents(Handle h, List<OutboxRow> rows) {
        List<String> hashes = rows.stream().map(OutboxRow::wantedHash).filter(s -> !s.isEmpty()).distinct().toList();
        if (hashes.isEmpty()) {
            return rows;
        }
        Map<String, String> contents = new HashMap<>();
        var query = h.createQuery("SELECT fields FROM exchange_contact_contents WHERE hash = :hash");
        for (String hash : hashes) {
            query.bind("hash", hash).mapTo(String.class).findOne().ifPresent(fields -> contents.put(hash, fields));
        }
        return rows.stream().map(r -> new OutboxRow(r.id(), r.target(), r.crmId(), r.action(), r.version(),
                r.wantedHash(), contents.getOrDefault(r.wantedHash(), ""), r.pushedHash(), r.attempts())).toList();
    }

    /** The row's wanted fields are in Exchange now. Synced, unless a newer change arrived meanwhile. */
    void pushed(Handle h, OutboxRow row, String outcome, Instant now) {
        h.createUpdate("UPDATE exchange_contact_outbox SET pushed_hash = :hash, claimed_until = NULL, last_outcome = :outcome, updated_at = :now, "
                        + "state = CASE WHEN version = :version THEN 'SYNCED' ELSE state END, "
                        + "next_attempt_at = CASE WHEN version = :version THEN next_attempt_at ELSE :now END, "
                        + "attempts = CASE WHEN version = :version THEN 0 ELSE attempts END, "
                        + "error_code = CASE WHEN version = :version THEN '' ELSE error_code END, "
                        + "error_reason = CASE WHEN version = :version THEN '' ELSE error_reason END WHERE id = :id")
                .bind("hash", row.wantedHash()).bind("outcome", outcome)
                .bind("now", now).bind("version", row.version()).bind("id", row.id()).execute();
    }

    /** The contact is gone from the folder: the row goes too, unless a newer change arrived meanwhile. */
    void deleted(Handle h, OutboxRow row, Instant now) {
        int removed = h.createUpdate("DELETE FROM exchange_contact_outbox WHERE id = :id AND version = :version")
                .bind("id", row.id()).bind("version", row.version()).execute();
        if (removed == 0) {
            h.createUpdate("UPDATE exchange_contact_outbox SET pushed_hash = '', claimed_until = NULL, "
                            + "next_attempt_at = :now, last_outcome = 'DELETED', updated_at = :now WHERE id = :id")
                    .bind("now", now).bind("id", row.id()).execute();
        }
    }

    /**
     * The push did not work. {@code next} empty: failed for good; else retried then, unless that was the
     * last attempt allowed. {@code pushedUnknown}: Exchange may hold part of it, so don't take it for an edit.
     */
    void failed(Handle h, OutboxRow row, String code, String reason, Optional<Instant> next, int maxAttempts,
                boolean pushedUnknown, Instant now) {
        String clipped = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        int changed = h.createUpdate("UPDATE exchange_contact_outbox SET attempts = attempts + 1, "
                        + "state = CASE WHEN :permanent OR attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END, "
                        + "next_attempt_at = :next, claimed_until = NULL, error_code = :code, error_reason = :reason, "
                        + "pushed_hash = CASE WHEN :unknown THEN '' ELSE pushed_hash END, updated_at = :now "
                        + "WHERE id = :id AND version = :version")
                .bind("permanent", next.isEmpty()).bind("max", maxAttempts).bind("next", next.orElse(now))
                .bind("code", code).bind("reason", clipped).bind("unknown", pushedUnknown).bind("now", now)
                .bind("id", row.id()).bind("version", row.version()).execute();
        if (changed == 0) {
            release(h, row, pushedUnknown, now);
        }
    }

    /** Gives a claimed row back untried, due again at {@code when} (the server asked everyone to wait). */
    void postpone(Handle h, OutboxRow row, Instant when, Instant now) {
        h.createUpdate("UPDATE exchange_contact_outbox SET claimed_until = NULL, next_attempt_at = :when, "
                        + "updated_at = :now WHERE id = :id")
                .bind("when", when).bind("now", now).bind("id", row.id()).execute();
    }

    /** Policy {@code report}: the row stays in conflict until the CRM changes the contact again. */
    void leftInConflict(Handle h, OutboxRow row, Instant now) {
        int changed = h.createUpdate("UPDATE exchange_contact_outbox SET state = 'CONFLICT', claimed_until = NULL, "
                        + "last_outcome = 'CONFLICT', updated_at = :now WHERE id = :id AND version = :version")
                .bind("now", now).bind("id", row.id()).bind("version", row.version()).execute();
        if (changed == 0) {
            release(h, row, false, now);
        }
    }

    private static void release(Handle h, OutboxRow row, boolean pushedUnknown, Instant now) {
        h.createUpdate("UPDATE exchange_contact_outbox SET claimed_until = NULL, next_attempt_at = :now, "
                        + "updated_at = :now, pushed_hash = CASE WHEN :unknown THEN '' ELSE pushed_hash END WHERE id = :id")
                .bind("now", now).bind("unknown", pushedUnknown).bind("id", row.id()).execute();
    }

    void recordConflict(Handle h, OutboxRow row, String resolution, String exchangeFields, Instant now) {
        h.createUpdate("INSERT INTO exchange_contact_conflicts (id, mailbox, folder, crm_id, "
                        + "resolution, exchange_fields, crm_fields, detected_at) VALUES (:id, :mailbox, "
                        + ":folder, :crmId, :resolution, :exchange, :crm, :now)")
                .bind("id", UUID.randomUUID()).bind("mailbox", row.target().mailbox())
                .bind("folder", row.target().folder()).bind("crmId", row.crmId()).bind("resolution", resolution)
                .bind("exchange", exchangeFields).bind("crm", row.wantedFields())
                .bind("now", now).execute();
    }

    /** Every row of the given CRM ids, in any target: to find where a contact must be deleted. */
    Map<MailboxTarget, List<Existing>> rowsOf(Handle h, Collection<String> crmIds) {
        if (crmIds.isEmpty()) {
            return Map.of();
        }
        Map<MailboxTarget, List<Existing>> rows = new HashMap<>();
        h.createQuery("SELECT id, server, mailbox, folder, crm_id, action, state, wanted_hash "
                        + "FROM exchange_contact_outbox WHERE crm_id IN (<ids>)")
                .bindList("ids", List.copyOf(crmIds))
                .map((rs, ctx) -> Map.entry(new MailboxTarget(rs.getString("server"), rs.getString("mailbox"),
                        rs.getString("folder")), new Existing(rs.getObject("id", UUID.class), rs.getString("crm_id"),
                        Action.valueOf(rs.getString("action")), rs.getString("state"), rs.getString("wanted_hash"))))
                .forEach(e -> rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows;
    }
}
