package io.crmbridge.backend.review;

import io.crmbridge.backend.activity.ActivityParty;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.activity.PartyRole;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The SQL that reads a page of the review queue with each item's candidates, mailboxes and parties. */
final class QueueListing {

    private record Row(UUID activityId, String reason, String detail, Instant queuedAt, String subject, String direction,
                       Instant occurredAt, String messageId) {
    }

    /** Up to {@code limit} items after {@code after}, oldest first; "" filters match everything. */
    List<UnresolvedItem> page(Handle h, String reason, String mailbox, int limit, Optional<QueueToken> after) {
        StringBuilder sql = new StringBuilder("""
                SELECT u.activity_id, u.reason, u.detail, u.queued_at, a.subject, a.direction, a.occurred_at, a.message_id
                FROM unresolved_items u JOIN email_activities a ON a.id = u.activity_id
                WHERE a.state = 'UNRESOLVED'""");
        if (!reason.isEmpty()) {
            sql.append(" AND u.reason = :reason");
        }
        if (!mailbox.isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM activity_sightings s WHERE s.activity_id = u.activity_id AND s.mailbox = :mailbox)");
        }
        if (after.isPresent()) {
            sql.append(" AND (u.queued_at > :afterTime OR (u.queued_at = :afterTime AND u.activity_id > :afterId))");
        }
        sql.append(" ORDER BY u.queued_at, u.activity_id FETCH FIRST :limit ROWS ONLY");
        var query = h.createQuery(sql.toString()).bind("limit", limit);
        if (!reason.isEmpty()) {
            query.bind("reason", reason);
        }
        if (!mailbox.isEmpty()) {
            query.bind("mailbox", mailbox);
        }
        after.ifPresent(t -> query.bind("afterTime", t.queuedAt()).bind("afterId", t.activityId()));
        List<Row> rows = query.map((rs, ctx) -> new Row(rs.getObject("activity_id", UUID.class), rs.getString("reason"),
                rs.getString("detail"), ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "queued_at", ctx),
                rs.getString("subject"), rs.getString("direction"),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "occurred_at", ctx), rs.getString("message_id")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::activityId).toList();
        Map<UUID, List<RecordRef>> candidates = candidates(h, ids);
        Map<UUID, List<String>> mailboxes = mailboxes(h, ids);
        Map<UUID, List<ActivityParty>> parties = parties(h, ids);
        List<UnresolvedItem> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            items.add(new UnresolvedItem(r.activityId(), r.reason(), r.detail(), candidates.getOrDefault(r.activityId(), List.of()),
                    r.subject(), Direction.valueOf(r.direction()), r.occurredAt(), r.queuedAt(),
                    Optional.of(r.messageId()).filter(m -> !m.isEmpty()), mailboxes.getOrDefault(r.activityId(), List.of()),
                    parties.getOrDefault(r.activityId(), List.of())));
        }
        return items;
    }

    private static Map<UUID, List<RecordRef>> candidates(Handle h, List<UUID> ids) {
        Map<UUID, List<RecordRef>> byActivity = new HashMap<>();
        h.createQuery("""
                        SELECT c.activity_id, r.id, r.record_type, r.name FROM unresolved_candidates c
                        JOIN records r ON r.id = c.record_id
                        WHERE c.activity_id IN (<ids>) ORDER BY c.activity_id, c.ordinal""")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getObject("activity_id", UUID.class),
                        new RecordRef(RecordType.valueOf(rs.getString("record_type")), rs.getObject("id", UUID.class),
                                rs.getString("name"))))
                .forEach(e -> byActivity.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byActivity;
    }

    private static Map<UUID, List<String>> mailboxes(Handle h, List<UUID> ids) {
        Map<UUID, List<String>> byActivity = new HashMap<>();
        h.createQuery("SELECT activity_id, mailbox FROM activity_sightings WHERE activity_id IN (<ids>) ORDER BY activity_id, mailbox")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getObject("activity_id", UUID.class), rs.getString("mailbox")))
                .forEach(e -> byActivity.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byActivity;
    }

    // One entry per address and role, though an address matching several records is stored once per record.
    private static Map<UUID, List<ActivityParty>> parties(Handle h, List<UUID> ids) {
        Map<UUID, Set<ActivityParty>> distinct = new HashMap<>();
        h.createQuery("SELECT activity_id, role, email, display_name FROM activity_parties WHERE activity_id IN (<ids>) "
                        + "ORDER BY activity_id, ordinal")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getObject("activity_id", UUID.class),
                        new ActivityParty(PartyRole.valueOf(rs.getString("role")), rs.getString("email"), rs.getString("display_name"))))
                .forEach(e -> distinct.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(e.getValue()));
        Map<UUID, List<ActivityParty>> byActivity = new HashMap<>();
        distinct.forEach((id, set) -> byActivity.put(id, List.copyOf(set)));
        return byActivity;
    }
}
