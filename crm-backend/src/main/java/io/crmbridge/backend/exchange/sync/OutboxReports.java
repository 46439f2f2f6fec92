package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The read-only questions asked of the outbox: what is left, the counts per mailbox, problems, conflicts. */
final class OutboxReports {

    private final Database db;

    OutboxReports(Database db) {
        this.db = db;
    }

    /** How many rows wait to be pushed, and how many of them are being pushed or due before {@code deadline}. */
    record Backlog(long pending, long dueBefore) {
    }

    Backlog backlog(Optional<String> mailbox, Instant deadline) {
        return db.jdbi().withHandle(h -> {
            // A claimed row is being pushed now, whatever its next_attempt_at (which holds the lease's end).
            var query = h.createQuery("SELECT COUNT(*) AS pending, COALESCE(SUM(CASE WHEN next_attempt_at <= :deadline "
                    + "OR claimed_until IS NOT NULL THEN 1 ELSE 0 END), 0) AS due FROM exchange_contact_outbox "
                    + "WHERE state = 'PENDING'"
                    + mailbox.map(m -> " AND mailbox = :mailbox").orElse(""));
            query.bind("deadline", deadline);
            mailbox.ifPresent(m -> query.bind("mailbox", m));
            return query.map((rs, ctx) -> new Backlog(rs.getLong("pending"), rs.getLong("due"))).one();
        });
    }

    List<SyncStatus.MailboxStatus> counts(Optional<String> mailbox) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery("SELECT mailbox, folder, "
                    + "SUM(CASE WHEN state = 'SYNCED' THEN 1 ELSE 0 END) AS synced, "
                    + "SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END) AS pending, "
                    + "SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END) AS failed, "
                    + "SUM(CASE WHEN state = 'CONFLICT' THEN 1 ELSE 0 END) AS conflicts "
                    + "FROM exchange_contact_outbox" + mailbox.map(m -> " WHERE mailbox = :mailbox").orElse("")
                    + " GROUP BY mailbox, folder ORDER BY mailbox, folder");
            mailbox.ifPresent(m -> query.bind("mailbox", m));
            return query.map((rs, ctx) -> new SyncStatus.MailboxStatus(rs.getString("mailbox"), rs.getString("folder"),
                    rs.getLong("synced"), rs.getLong("pending"), rs.getLong("failed"), rs.getLong("conflicts"))).list();
        });
    }

    List<SyncProblem> problems(Optional<String> mailbox, int limit) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery("SELECT crm_id, mailbox, folder, state, error_code, error_reason, attempts, "
                    + "next_attempt_at FROM exchange_contact_outbox WHERE error_code <> '' "
                    + "AND state IN ('FAILED', 'PENDING')" + mailbox.map(m -> " AND mailbox = :mailbox").orElse("")
                    + " ORDER BY updated_at DESC FETCH FIRST :limit ROWS ONLY");
            mailbox.ifPresent(m -> query.bind("mailbox", m));
            return query.bind("limit", limit)
                    .map((rs, ctx) -> new SyncProblem(rs.getString("crm_id"), rs.getString("mailbox"),
                            rs.getString("folder"), rs.getString("state"), rs.getString("error_code"),
                            rs.getString("error_reason"), rs.getInt("attempts"),
                            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "next_attempt_at", ctx)))
                    .list();
        });
    }

    /** Conflict rows, newest first, as raw JSON for the caller to decode. */
    record ConflictRow(String crmId, String mailbox, String folder, String resolution, String exchange,
                       String crm, Instant detectedAt) {
    }

    List<ConflictRow> conflicts(Optional<String> mailbox, int limit) {
        return db.jdbi().withHandle(h -> {
            var query = h.createQuery("SELECT crm_id, mailbox, folder, resolution, exchange_fields, "
                    + "crm_fields, detected_at FROM exchange_contact_conflicts"
                    + mailbox.map(m -> " WHERE mailbox = :mailbox").orElse("")
                    + " ORDER BY detected_at DESC FETCH FIRST :limit ROWS ONLY");
            mailbox.ifPresent(m -> query.bind("mailbox", m));
            return query.bind("limit", limit)
                    .map((rs, ctx) -> new ConflictRow(rs.getString("crm_id"), rs.getString("mailbox"),
                            rs.getString("folder"), rs.getString("resolution"), rs.getString("exchange_fields"), rs.getString("crm_fields"),
                            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "detected_at", ctx)))
                    .list();
        });
    }
}
