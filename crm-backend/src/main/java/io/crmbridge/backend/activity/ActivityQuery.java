package io.crmbridge.backend.activity;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Lists the email activities recorded on a CRM record, newest first, a page at a time. */
public final class ActivityQuery {
    /** The page size used when the caller asks for 0. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 500;

    private final Database db;

    public ActivityQuery(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * One page of the activities regarding {@code recordId}, newest first (ties broken by id), with a token
     * for the next page when there may be more. A page size of 0 means {@value #DEFAULT_PAGE_SIZE}. Throws
     * {@code BackendException} RECORD_NOT_FOUND for an unknown record and INVALID_REQUEST for a page size
     * outside 0..{@value #MAX_PAGE_SIZE} or a token not given for this record.
     */
    public ActivityPage forRecord(UUID recordId, int pageSize, Optional<String> pageToken) {
        Objects.requireNonNull(recordId, "recordId");
        if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "the page size is 1 to " + MAX_PAGE_SIZE + " (or 0 for " + DEFAULT_PAGE_SIZE + "), not " + pageSize);
        }
        int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize;
        Optional<PageToken> after = Objects.requireNonNullElse(pageToken, Optional.<String>empty())
                .filter(t -> !t.isBlank()).map(t -> PageToken.decode(t, recordId));
        return db.jdbi().withHandle(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM records WHERE id = :id").bind("id", recordId)
                    .mapTo(Integer.class).one() > 0;
            if (!exists) {
                throw new BackendException(BackendException.RECORD_NOT_FOUND, "no record " + recordId);
            }
            List<Row> rows = page(h, recordId, size + 1, after);
            boolean more = rows.size() > size;
            List<Row> shown = more ? rows.subList(0, size) : rows;
            Map<UUID, List<ActivityParty>> parties = parties(h, shown);
            List<ActivitySummary> summaries = new ArrayList<>(shown.size());
            for (Row r : shown) {
                summaries.add(new ActivitySummary(r.id(), r.subject(), Direction.valueOf(r.direction()), r.occurredAt(),
                        Optional.of(r.messageId()).filter(m -> !m.isEmpty()), CorrelationMethod.valueOf(r.correlation()),
                        Optional.of(r.evidence()).filter(e -> !e.isEmpty()), parties.getOrDefault(r.id(), List.of()),
                        r.sightings()));
            }
            Optional<String> next = more
                    ? Optional.of(new PageToken(recordId, shown.get(shown.size() - 1).occurredAt(), shown.get(shown.size() - 1).id()).encode())
                    : Optional.empty();
            return new ActivityPage(summaries, next);
        });
    }

    private static List<Row> page(Handle h, UUID recordId, int limit, Optional<PageToken> after) {
        String keyset = after.isPresent()
                ? " AND (a.occurred_at < :afterTime OR (a.occurred_at = :afterTime AND a.id < :afterId))" : "";
        var query = h.createQuery("""
                        SELECT a.id, a.subject, a.direction, a.occurred_at, a.message_id, a.correlation, a.evidence,
                               (SELECT COUNT(*) FROM activity_sightings s WHERE s.activity_id = a.id) AS sightings
                        FROM email_activities a
                        WHERE a.regarding_id = :record AND a.state = 'RECORDED'""" + keyset + """
                        
                        ORDER BY a.occurred_at DESC, a.id DESC
                        FETCH FIRST :limit ROWS ONLY""")
                .bind("record", recordId)
                .bind("limit", limit);
        after.ifPresent(t -> query.bind("afterTime", t.occurredAt()).bind("afterId", t.activityId()));
        return query.map((rs, ctx) -> new Row(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("direction"),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "occurred_at", ctx),
                        rs.getString("message_id"), rs.getString("correlation"), rs.getString("evidence"), rs.getInt("sightings")))
                .list();
    }

    // One entry per address and role, though an address matching several records is stored once per record.
    private static Map<UUID, List<ActivityParty>> parties(Handle h, List<Row> rows) {
        Map<UUID, List<ActivityParty>> byActivity = new HashMap<>();
        if (rows.isEmpty()) {
            return byActivity;
        }
        Map<UUID, Set<ActivityParty>> distinct = new HashMap<>();
        h.createQuery("SELECT activity_id, role, email, display_name FROM activity_parties WHERE activity_id IN (<ids>) "
                        + "ORDER BY activity_id, ordinal")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getObject("activity_id", UUID.class),
                        new ActivityParty(PartyRole.valueOf(rs.getString("role")), rs.getString("email"), rs.getString("display_name"))))
                .forEach(e -> distinct.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(e.getValue()));
        distinct.forEach((id, set) -> byActivity.put(id, List.copyOf(set)));
        return byActivity;
    }

    private record Row(UUID id, String subject, String direction, Instant occurredAt, String messageId, String correlation,
                       String evidence, int sightings) {
    }
}
