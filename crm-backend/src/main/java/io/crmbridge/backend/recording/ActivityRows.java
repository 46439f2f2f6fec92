package io.crmbridge.backend.recording;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.activity.PartyRole;
import io.crmbridge.backend.correlation.Correlation;
import io.crmbridge.backend.correlation.NotTrackedReason;
import io.crmbridge.backend.correlation.UnresolvedReason;
import io.crmbridge.backend.intake.AttachmentMeta;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MessageKey;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The SQL that writes email activities, their parties, attachments and sightings, and the unresolved queue. */
final class ActivityRows {

    /** An activity already stored for a message key, with what decides how a new sighting is treated. */
    record Existing(UUID id, Direction direction, Correlation decision) {
    }

    /** A party as stored: the address as compared ("" when none), and the system user it is, if any. */
    record PartyRow(PartyRole role, String email, String displayName, String notesName, Optional<UUID> systemUser) {
    }

    Optional<Existing> findByKey(Handle h, String messageKey) {
        return h.createQuery("""
                        SELECT a.id, a.direction, a.state, a.regarding_type, a.regarding_id, r.name AS regarding_name,
                               a.correlation, a.evidence, a.state_reason, a.state_detail
                        FROM email_activities a
                        LEFT JOIN records r ON r.id = a.regarding_id
                        WHERE a.message_key = :key""")
                .bind("key", messageKey)
                .map((rs, ctx) -> {
                    UUID regardingId = rs.getObject("regarding_id", UUID.class);
                    String state = rs.getString("state");
                    String reason = rs.getString("state_reason");
                    String detail = rs.getString("state_detail");
                    Correlation decision;
                    if (regardingId != null && "RECORDED".equals(state)) {
                        decision = new Correlation.Linked(new RecordRef(RecordType.valueOf(rs.getString("regarding_type")),
                                regardingId, rs.getString("regarding_name")),
                                CorrelationMethod.valueOf(rs.getString("correlation")), rs.getString("evidence"));
                    } else if ("IGNORED".equals(state)) {
                        decision = new Correlation.NotTracked(NotTrackedReason.valueOf(reason), detail);
                    } else {
                        decision = new Correlation.Unresolved(reason.isEmpty() ? UnresolvedReason.NO_MATCH
                                : UnresolvedReason.valueOf(reason), detail);
                    }
                    return new Existing(rs.getObject("id", UUID.class), Direction.valueOf(rs.getString("direction")), decision);
                })
                .findOne();
    }

    void insertActivity(Handle h, UUID id, String messageKey, InboundMail mail, Direction direction, Instant occurredAt,
                        Correlation decision, UUID ownerId, String ownerRank, Instant now) {
        Optional<Correlation.Linked> linked = decision instanceof Correlation.Linked l ? Optional.of(l) : Optional.empty();
        String state;
        String reason = "";
        String detail = "";
        if (decision instanceof Correlation.Unresolved u) {
            state = "UNRESOLVED";
            reason = u.reason().name();
            detail = u.detail();
        } else if (decision instanceof Correlation.NotTracked n) {
            state = "IGNORED";
            reason = n.reason().name();
            detail = n.detail();
        } else {
            state = "RECORDED";
        }
        h.createUpdate("""
                        INSERT INTO email_activities (id, message_key, message_id, in_reply_to, reference_ids, subject,
                            direction, occurred_at, body, body_truncated, state, regarding_type, regarding_id, correlation,
                            evidence, state_reason, state_detail, owner_id, owner_rank, created_at, updated_at)
                        VALUES (:id, :key, :messageId, :inReplyTo, :references, :subject, :direction, :occurredAt, :body,
                            :truncated, :state, :regardingType, CAST(:regardingId AS UUID), :correlation, :evidence,
                            :reason, :detail, :owner, :ownerRank, :now, :now)""")
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
                .bind("state", state)
                .bind("regardingType", linked.map(l -> l.regarding().type().name()).orElse(null))
                .bind("regardingId", linked.map(l -> l.regarding().id()).orElse(null))
                .bind("correlation", linked.map(l -> l.method().name()).orElse(null))
                .bind("evidence", linked.map(Correlation.Linked::evidence).orElse(""))
                .bind("reason", reason)
                .bind("detail", detail)
                .bind("owner", ownerId)
                .bind("ownerRank", ownerRank)
                .bind("now", now)
                .execute();
    }

    /** Each party once, or once per record its address belongs to; matched to its system user where it is one. */
    void insertParties(Handle h, UUID activityId, List<PartyRow> parties) {
        // CAST: a null UUID goes out untyped (as VARCHAR), which PostgreSQL refuses for a UUID column
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO activity_parties (activity_id, ordinal, role, email, display_name, notes_name,
                    matched_record_id, matched_system_user_id)
                VALUES (:activity, :ordinal, :role, :email, :displayName, :notesName, CAST(:record AS UUID),
                    CAST(:systemUser AS UUID))""");
        Map<String, List<UUID>> recordsByEmail = recordsByEmail(h, parties.stream().map(PartyRow::email)
                .filter(e -> !e.isEmpty()).distinct().toList());
        int ordinal = 0;
        for (PartyRow p : parties) {
            List<UUID> records = recordsByEmail.getOrDefault(p.email(), List.of());
            List<UUID> matches = records.isEmpty() ? Collections.singletonList(null) : records;
            for (UUID record : matches) {
                batch.bind("activity", activityId)
                        .bind("ordinal", ordinal++)
                        .bind("role", p.role().name())
                        .bind("email", p.email())
                        .bind("displayName", p.displayName())
                        .bind("notesName", p.notesName())
                        .bind("record", record)
                        .bind("systemUser", p.systemUser().orElse(null))
                        .add();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    // The records each address belongs to, in record id order; one look-up for all the parties of a mail.
    private static Map<String, List<UUID>> recordsByEmail(Handle h, List<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        Map<String, List<UUID>> out = new HashMap<>();
        h.createQuery("SELECT email, record_id FROM record_emails WHERE email IN (<emails>) ORDER BY email, record_id")
                .bindList("emails", emails)
                .map((rs, ctx) -> Map.entry(rs.getString("email"), rs.getObject("record_id", UUID.class)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
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
        if (unresolved.candidates().isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO unresolved_candidates (activity_id, record_id, ordinal) "
                + "VALUES (:id, :record, :ordinal)");
        for (int i = 0; i < unresolved.candidates().size(); i++) {
            batch.bind("id", activityId).bind("record", unresolved.candidates().get(i).id()).bind("ordinal", i).add();
        }
        batch.execute();
    }

    void updateDirection(Handle h, UUID activityId, Direction direction, Instant now) {
        h.createUpdate("UPDATE email_activities SET direction = :direction, updated_at = :now WHERE id = :id")
                .bind("direction", direction.name()).bind("now", now).bind("id", activityId).execute();
    }

    /** Marks the parties with this mailbox's address as its system user, where they were recorded before it was known. */
    void matchMailboxParties(Handle h, UUID activityId, String mailbox, UUID systemUser) {
        h.createUpdate("UPDATE activity_parties SET matched_system_user_id = :user WHERE activity_id = :id AND email = :mailbox "
                        + "AND matched_system_user_id IS NULL")
                .bind("user", systemUser).bind("id", activityId).bind("mailbox", mailbox).execute();
    }

    /** Makes {@code owner} the owner when its rank comes before the current owner's; whether it did. */
    boolean takeOwnership(Handle h, UUID activityId, UUID owner, String rank, Instant now) {
        return h.createUpdate("UPDATE email_activities SET owner_id = :owner, owner_rank = :rank, updated_at = :now "
                        + "WHERE id = :id AND owner_rank > :rank")
                .bind("owner", owner).bind("rank", rank).bind("now", now).bind("id", activityId).execute() > 0;
    }
}
