package io.crmbridge.backend.review;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the review audit trail: one row per decision, never changed afterwards. */
final class AuditTrail {

    void add(Handle h, UUID activityId, ReviewAction action, Optional<UUID> recordId, String actor, String note, Instant now) {
        h.createUpdate("INSERT INTO review_decisions (activity_id, action, record_id, actor, note, decided_at) "
                        + "VALUES (:activity, :action, CAST(:record AS UUID), :actor, :note, :now)")
                .bind("activity", activityId).bind("action", action.name()).bind("record", recordId.orElse(null))
                .bind("actor", actor).bind("note", note).bind("now", now).execute();
    }

    List<ReviewDecision> of(Handle h, UUID activityId) {
        return h.createQuery("SELECT activity_id, action, record_id, actor, note, decided_at FROM review_decisions "
                        + "WHERE activity_id = :id ORDER BY id")
                .bind("id", activityId)
                .map((rs, ctx) -> new ReviewDecision(rs.getObject("activity_id", UUID.class),
                        ReviewAction.valueOf(rs.getString("action")),
                        Optional.ofNullable(rs.getObject("record_id", UUID.class)), rs.getString("actor"), rs.getString("note"),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "decided_at", ctx)))
                .list();
    }
}
