package io.crmbridge.backend.intake;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.store.Database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the state of submissions. Once recorded, the state is the activity's (so a later manual link or ignore
 * shows), with the record's current name: RECORDED with the method and evidence, UNRESOLVED or IGNORED with the
 * reason and its detail.
 */
final class SubmissionStatusQuery {
    /** The reason of a FAILED submission; its detail is the error. */
    static final String RECORDING_FAILED = "RECORDING_FAILED";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Database db;

    SubmissionStatusQuery(Database db) {
        this.db = db;
    }

    List<MailStatus> statusOf(List<String> receiptIds) {
        List<UUID> ids = receiptIds.stream().filter(id -> id != null && UUID_TEXT.matcher(id.strip()).matches())
                .map(id -> UUID.fromString(id.strip())).distinct().toList();
        Map<UUID, MailStatus> found = new HashMap<>();
        if (!ids.isEmpty()) {
            db.jdbi().useHandle(h -> h.createQuery("""
                            SELECT s.id, s.state, s.last_error, s.activity_id, a.state AS activity_state,
                                   a.regarding_type, a.regarding_id, r.name AS regarding_name, a.correlation, a.evidence,
                                   a.state_reason AS reason, a.state_detail AS detail
                            FROM mail_submissions s
                            LEFT JOIN email_activities a ON a.id = s.activity_id
                            LEFT JOIN records r ON r.id = a.regarding_id
                            WHERE s.id IN (<ids>)""")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> new Row(rs.getObject("id", UUID.class), rs.getString("state"), rs.getString("last_error"),
                            rs.getObject("activity_id", UUID.class), rs.getString("activity_state"),
                            rs.getString("regarding_type"), rs.getObject("regarding_id", UUID.class),
                            rs.getString("regarding_name"), rs.getString("correlation"), rs.getString("evidence"),
                            rs.getString("reason"), rs.getString("detail")))
                    .map(Row::status)
                    .forEach(s -> found.put(UUID.fromString(s.receiptId()), s)));
        }
        List<MailStatus> answer = new ArrayList<>(receiptIds.size());
        for (String raw : receiptIds) {
            String text = raw == null ? "" : raw.strip();
            MailStatus s = UUID_TEXT.matcher(text).matches() ? found.get(UUID.fromString(text)) : null;
            answer.add(s != null ? withReceiptId(s, raw) : MailStatus.unknown(raw == null ? "" : raw));
        }
        return answer;
    }

    // Answer with the id exactly as asked, so callers can match it.
    private static MailStatus withReceiptId(MailStatus s, String asked) {
        return new MailStatus(asked, s.state(), s.activityId(), s.regarding(), s.correlation(), s.evidence(), s.reason(),
                s.detail());
    }

    private record Row(UUID id, String state, String lastError, UUID activityId, String activityState, String regardingType,
                       UUID regardingId, String regardingName, String correlation, String evidence, String reason,
                       String detail) {

        MailStatus status() {
            MailState submissionState = MailState.valueOf(state);
            if (submissionState == MailState.FAILED) {
                return new MailStatus(id.toString(), MailState.FAILED, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(RECORDING_FAILED), Optional.of(lastError));
            }
            if (submissionState == MailState.QUEUED || activityId == null) {
                return new MailStatus(id.toString(), MailState.QUEUED, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty());
            }
            Optional<RecordRef> regarding = Optional.ofNullable(regardingId)
                    .map(rid -> new RecordRef(RecordType.valueOf(regardingType), rid, regardingName));
            return new MailStatus(id.toString(), MailState.valueOf(activityState), Optional.of(activityId.toString()), regarding,
                    Optional.ofNullable(correlation).map(CorrelationMethod::valueOf),
                    Optional.ofNullable(evidence).filter(e -> !e.isEmpty()),
                    Optional.ofNullable(reason).filter(r -> !r.isEmpty()),
                    Optional.ofNullable(detail).filter(d -> !d.isEmpty()));
        }
    }
}
