package io.crmbridge.backend.activity;

import io.crmbridge.backend.record.RecordRef;
import org.jdbi.v3.core.Handle;

import java.util.Optional;
import java.util.UUID;

/**
 * Changes the decision of a stored activity (linked, or deliberately not tracked) and keeps the review queue
 * and the state of its submissions in step. For the workers, the review queue and the mail sender; called
 * within the caller's transaction.
 */
public final class ActivityDecisions {
    private ActivityDecisions() {
    }

    /** An activity's state (RECORDED, UNRESOLVED, IGNORED) and its reason ("" when RECORDED). */
    public record State(UUID id, String state, String reason) {
    }

    /** Locks the activity's row until the transaction ends, so that two decisions about it cannot cross. */
    public static Optional<State> lock(Handle h, UUID activityId) {
        return h.createQuery("SELECT id, state, state_reason FROM email_activities WHERE id = :id FOR UPDATE")
                .bind("id", activityId)
                .map((rs, ctx) -> new State(rs.getObject("id", UUID.class), rs.getString("state"), rs.getString("state_reason")))
                .findOne();
    }

    /** Links the activity to {@code regarding}, takes it off the review queue, and moves its submissions along. */
    public static void link(Handle h, UUID activityId, RecordRef regarding, CorrelationMethod method, String evidence,
                            java.time.Instant now) {
        h.createUpdate("""
                        UPDATE email_activities SET state = 'RECORDED', regarding_type = :type, regarding_id = :regarding,
                            correlation = :method, evidence = :evidence, state_reason = '', state_detail = '', updated_at = :now
                        WHERE id = :id""")
                .bind("type", regarding.type().name()).bind("regarding", regarding.id())
                .bind("method", method.name()).bind("evidence", evidence).bind("now", now)
                .bind("id", activityId).execute();
        dequeue(h, activityId);
        submissionsTo(h, activityId, "RECORDED");
    }

    /** Marks the activity deliberately not tracked ({@code reason}: INTERNAL_ONLY, IGNORED) and takes it off the queue. */
    public static void ignore(Handle h, UUID activityId, String reason, String detail, java.time.Instant now) {
        h.createUpdate("""
                        UPDATE email_activities SET state = 'IGNORED', regarding_type = NULL, regarding_id = NULL,
                            correlation = NULL, evidence = '', state_reason = :reason, state_detail = :detail, updated_at = :now
                        WHERE id = :id""")
                .bind("reason", reason).bind("detail", detail).bind("now", now).bind("id", activityId).execute();
        dequeue(h, activityId);
        submissionsTo(h, activityId, "IGNORED");
    }

    private static void dequeue(Handle h, UUID activityId) {
        h.createUpdate("DELETE FROM unresolved_candidates WHERE activity_id = :id").bind("id", activityId).execute();
        h.createUpdate("DELETE FROM unresolved_items WHERE activity_id = :id").bind("id", activityId).execute();
    }

    // A submission's state mirrors its activity once recorded; QUEUED and FAILED ones are the workers' business.
    private static void submissionsTo(Handle h, UUID activityId, String state) {
        h.createUpdate("UPDATE mail_submissions SET state = :state WHERE activity_id = :id "
                        + "AND state IN ('RECORDED', 'UNRESOLVED', 'IGNORED')")
                .bind("state", state).bind("id", activityId).execute();
    }
}
