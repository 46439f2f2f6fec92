package io.crmbridge.backend.recording;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.activity.PartyRole;
import io.crmbridge.backend.correlation.Correlation;
import io.crmbridge.backend.correlation.UnresolvedReason;
import io.crmbridge.backend.intake.AttachmentMeta;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MessageKey;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The SQL that writes email activities, their parties, attachments and sightings, and the unresolved queue. */
final class ActivityRows {

    /** An activity already stored for a message key, with what decides how a new sighting is treated. */
    record Existing(UUID id, Direction direction, Correlation decision) {
    }

    /** A party as stored: the address lower-case, "" when absent. */
    record PartyRow(PartyRole role, String email, String displayName, String notesName) {
    }

    Optional<Existing> findByKey(Handle h, String messageKey) {
        return h.createQuery("""
                        SELECT a.id, a.direction, a.state, a.regarding_type, a.regarding_id, r.name AS regarding_name,
                               a.correlation, a.evidence, u.reason, u.detail
                        FROM email_activities a
                        LEFT JOIN records r ON r.id = a.regarding_id
                        LEFT JOIN unresolved_items u ON u.activity_id = a.id
                        WHERE a.message_key = :key""")
                .bind("key", messageKey)
                .map((rs, ctx) -> {
                    UUID regardingId = rs.getObject("regarding_id", UUID.class);
                    Correlation decision = regardingId != null && "RECORDED".equals(rs.getString("state"))
                            ? new Correlation.Linked(new RecordRef(RecordType.valueOf(rs.getString("regarding_type")),
                            regardingId, rs.getString("regarding_name")),
                            CorrelationMethod.valueOf(rs.getString("correlation")), rs.getString("evidence"))
                            : new Correlation.Unresolved(reason(rs.getString("reason")), rs.getString("detail"));
                    return new Existing(rs.getObject("id", UUID.class), Direction.valueOf(rs.getString("direction")), decision);
                })
                .findOne();
    }

    private static UnresolvedReason reason(String stored) {
        return stored == null ? UnresolvedReason.NO_TAG : UnresolvedReason.valueOf(stored);
    }

    void insertActivity(Handle h, UUID id, String messageKey, InboundMail mail, Direction direction, Instant occurredAt,
                        Correlation decision, UUID ownerId, Instant now) {
        Optional<Correlation.Linked> linked = decision instanceof Correlation.Linked l ? Optional.of(l) : Optional.empty();
        h.createUpdate("""
                        INSERT INTO email_activities (id, message_key, message_id, in_reply_to, reference_ids, subject,
                            direction, occurred_at, body, body_truncated, state, regarding_type, regarding_id, correlation,
                            evidence, owner_id, created_at, updated_at)
                        VALUES (:id, :key, :messageId, :inReplyTo, :references, :subject, :direction, :occurredAt, :body,
                            :truncated, :state, :regardingType, CAST(:regardingId AS UUID), :correlation, :evidence, :owner, :now, :now)""")
                .bind("id", id)
                .bind("key", messageKey)
                .bind("messageId", ActivityRecorder.messageIdOf(mail))
                .bind("inReplyTo", mail.inReplyTo().flatMap(MessageKey::normalizeMessageId).orElse(""))
                .bind("references", mail.references().stream().map(MessageKey::normalizeMessageId).flatMap(Optional::stream)
                        .collect(Collectors.joining(" ")))
                .bind("subject", mail.subject())
                .bind("direction", direction.name())
                .bind("occurredAt", occurredAt)
                .bind("body", mail.body())
                .bind("truncated", mail.bodyTruncated())
                .bind("state", linked.isPresent() ? "RECORDED" : "UNRESOLVED")
                .bind("regardingType", linked.map(l -> l.regarding().type().name()).orElse(null))
                .bind("regardingId", linked.map(l -> l.regarding().id()).orElse(null))
                .bind("correlation", linked.map(l -> l.method().name()).orElse(null))
                .bind("evidence", linked.map(Correlation.Linked::evidence).orElse(""))
                .bind("owner", ownerId)
                .bind("now", now)
                .execute();
    }

    /** Each party once, or once per record its address belongs to; matched to a system user where it is a mailbox. */
    void insertParties(Handle h, UUID activityId, List<PartyRow> parties) {
        // CAST: a null UUID goes out untyped (as VARCHAR), which PostgreSQL refuses for a UUID column
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO activity_parties (activity_id, ordinal, role, email, display_name, notes_name,
                    matched_record_id, matched_system_user_id)
                VALUES (:activity, :ordinal, :role, :email, :displayName, :notesName, CAST(:record AS UUID),
                    CAST(:systemUser AS UUID))""");
        int ordinal = 0;
        for (PartyRow p : parties) {
            List<UUID> records = p.email().isEmpty() ? List.of()
                    : h.createQuery("SELECT record_id FROM record_emails WHERE email = :email ORDER BY record_id")
                    .bind("email", p.email()).mapTo(UUID.class).list();
            UUID systemUser = p.email().isEmpty() ? null
                    : h.createQuery("SELECT id FROM system_users WHERE mailbox = :email")
                    .bind("email", p.email()).mapTo(UUID.class).findOne().orElse(null);
            List<UUID> matches = records.isEmpty() ? Collections.singletonList(null) : records;
            for (UUID record : matches) {
                batch.bind("activity", activityId)
                        .bind("ordinal", ordinal++)
                        .bind("role", p.role().name())
                        .bind("email", p.email())
                        .bind("displayName", p.displayName())
                        .bind("notesName", p.notesName())
                        .bind("record", record)
                        .bind("systemUser", systemUser)
                        .add();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    void insertAttachments(Handle h, UUID activityId, List<AttachmentMeta> attachments) {
        if (attachments.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO activity_attachments (activity_id, ordinal, name, size_bytes) "
                + "VALUES (:activity, :ordinal, :name, :size)");
        for (int i = 0; i < attachments.size(); i++) {
            batch.bind("activity", activityId).bind("ordinal", i).bind("name", attachments.get(i).name())
                    .bind("size", attachments.get(i).size()).add();
        }
        batch.execute();
    }

    void insertSighting(Handle h, UUID activityId, UUID submissionId, String mailbox, InboundMail mail, Instant now) {
        h.createUpdate("""
                        INSERT INTO activity_sightings (activity_id, submission_id, mailbox, folder, replica_id, unid, seen_at)
                        VALUES (:activity, :submission, :mailbox, :folder, :replica, :unid, :now)""")
                .bind("activity", activityId).bind("submission", submissionId).bind("mailbox", mailbox)
                .bind("folder", mail.folder().name()).bind("replica", mail.replicaId()).bind("unid", mail.unid())
                .bind("now", now).execute();
    }

    void enqueueUnresolved(Handle h, UUID activityId, Correlation.Unresolved unresolved, Instant now) {
        h.createUpdate("INSERT INTO unresolved_items (activity_id, reason, detail, queued_at) VALUES (:id, :reason, :detail, :now)")
                .bind("id", activityId).bind("reason", unresolved.reason().name()).bind("detail", unresolved.detail())
                .bind("now", now).execute();
    }

    void updateDirection(Handle h, UUID activityId, Direction direction, Instant now) {
        h.createUpdate("UPDATE email_activities SET direction = :direction, updated_at = :now WHERE id = :id")
                .bind("direction", direction.name()).bind("now", now).bind("id", activityId).execute();
    }

    /** Links an unresolved activity, takes it off the queue, and moves its submissions along. */
    void link(Handle h, UUID activityId, Correlation.Linked linked, Instant now) {
        h.createUpdate("""
                        UPDATE email_activities SET state = 'RECORDED', regarding_type = :type, regarding_id = :regarding,
                            correlation = :method, evidence = :evidence, updated_at = :now
                        WHERE id = :id""")
                .bind("type", linked.regarding().type().name()).bind("regarding", linked.regarding().id())
                .bind("method", linked.method().name()).bind("evidence", linked.evidence()).bind("now", now)
                .bind("id", activityId).execute();
        h.createUpdate("DELETE FROM unresolved_items WHERE activity_id = :id").bind("id", activityId).execute();
        h.createUpdate("UPDATE mail_submissions SET state = 'RECORDED' WHERE activity_id = :id AND state = 'UNRESOLVED'")
                .bind("id", activityId).execute();
    }
}
