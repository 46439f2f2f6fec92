package io.crmbridge.backend.recording;

import io.crmbridge.backend.correlation.Correlation;
import io.crmbridge.backend.intake.MailJson;
import io.crmbridge.backend.store.Database;
import io.crmbridge.backend.store.Savepoints;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Claims a few due submissions with {@code FOR UPDATE SKIP LOCKED}, records each, and writes their new state,
 * all in one transaction: a crash before the commit leaves them QUEUED for the next claim, and workers on
 * other nodes skip the rows this one holds. A submission that fails is rolled back to its savepoint, its
 * attempt counted, and retried later; after {@link #MAX_ATTEMPTS} it is FAILED. The others go on.
 */
final class SubmissionBatch {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionBatch.class);
    static final int MAX_ATTEMPTS = 3;
    private static final int MAX_ERROR_CHARS = 2000;

    private final Database db;
    private final ActivityRecorder recorder;
    private final Duration retryDelay;

    SubmissionBatch(Database db, ActivityRecorder recorder, Duration retryDelay) {
        this.db = db;
        this.recorder = recorder;
        this.retryDelay = retryDelay;
    }

    /** Records up to {@code size} due submissions; answers how many it claimed (0: nothing is due). */
    int recordNext(int size) {
        List<UUID> claimedIds = new ArrayList<>();
        try {
            return db.jdbi().inTransaction(h -> {
                Instant now = db.now();
                List<ClaimedSubmission> claimed = claim(h, size, now);
                claimed.forEach(c -> claimedIds.add(c.id()));
                // one key order for every worker, so two workers inserting the same activities cannot deadlock
                claimed.sort(Comparator.comparing(ClaimedSubmission::messageKey));
                PreparedBatch recorded = h.prepareBatch("UPDATE mail_submissions SET state = :state, activity_id = :activity, "
                        + "processed_at = :now, last_error = '' WHERE id = :id");
                for (ClaimedSubmission s : claimed) {
                    recordOne(h, s, now).ifPresent(outcome -> recorded.bind("state", outcome.state())
                            .bind("activity", outcome.activityId()).bind("now", now).bind("id", s.id()).add());
                }
                if (recorded.size() > 0) {
                    recorded.execute();
                }
                return claimed.size();
            });
        } catch (RuntimeException e) {
            if (claimedIds.size() == 1) {
                // the transaction itself failed, not just this submission's part: count the attempt anyway,
                // so that one poisoned submission cannot come back forever
                countFailedAttempt(claimedIds.get(0), e);
            }
            throw e;
        }
    }

    /*
     * Two steps because H2 never sorts by an index under FOR UPDATE: it locks every row the query reads, then
     * sorts and cuts, so one ORDER BY ... FETCH FIRST ... FOR UPDATE claim locked (and the commit wrote) the whole
     * backlog. First the next due ids in queue order, without locks (an index range, read lazily); then lock those
     * that nobody else holds. The window is wider than a batch so that workers skipping each other's rows still
     * find work.
     */
    private List<ClaimedSubmission> claim(Handle h, int size, Instant now) {
        List<UUID> candidates = h.createQuery("""
                        SELECT id FROM mail_submissions
                        WHERE state = 'QUEUED' AND next_attempt_at <= :now
                        ORDER BY state, next_attempt_at
                        FETCH FIRST :window ROWS ONLY""")
                .bind("now", now)
                .bind("window", Math.max(10 * size, 100))
                .mapTo(UUID.class)
                .list();
        if (candidates.isEmpty()) {
            return new ArrayList<>();
        }
        List<Claim> locked = h.createQuery("""
                        SELECT id, mailbox, message_key, message_id, attempts
                        FROM mail_submissions
                        WHERE id IN (<ids>) AND state = 'QUEUED' AND next_attempt_at <= :now
                        FETCH FIRST :size ROWS ONLY
                        FOR UPDATE SKIP LOCKED""")
                .bindList("ids", candidates)
                .bind("now", now)
                .bind("size", size)
                .map(CLAIM)
                .list();
        if (locked.isEmpty()) {
            return new ArrayList<>();
        }
        Map<UUID, MailJson.Stored> payloads = h.createQuery("SELECT submission_id, payload, body FROM mail_payloads "
                        + "WHERE submission_id IN (<ids>)")
                .bindList("ids", locked.stream().map(Claim::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getObject("submission_id", UUID.class),
                        new MailJson.Stored(rs.getString("payload"), rs.getBytes("body"))))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<ClaimedSubmission> claimed = new ArrayList<>(locked.size());
        for (Claim c : locked) {
            MailJson.Stored stored = payloads.get(c.id());
            if (stored == null) {
                throw new IllegalStateException("submission " + c.id() + " has no stored payload");
            }
            claimed.add(new ClaimedSubmission(c.id(), c.mailbox(), c.messageKey(), c.messageId(), stored.json(), stored.body(),
                    c.attempts()));
        }
        return claimed;
    }

    private record Claim(UUID id, String mailbox, String messageKey, String messageId, int attempts) {
    }

    private static final RowMapper<Claim> CLAIM = (rs, ctx) -> new Claim(rs.getObject("id", UUID.class), rs.getString("mailbox"),
            rs.getString("message_key"), rs.getString("message_id"), rs.getInt("attempts"));

    /** What recording {@code s} came to; empty when it failed (then its attempt is counted already). */
    private Optional<RecordingOutcome> recordOne(Handle h, ClaimedSubmission s, Instant now) {
        RecordingOutcome outcome;
        try {
            outcome = Savepoints.attempt(h, () -> recorder.record(h, s, now));
        } catch (RuntimeException e) {
            failedAttempt(h, s.id(), s.messageId(), s.attempts(), e, now);
            return Optional.empty();
        }
        log(s, outcome);
        return Optional.of(outcome);
    }

    private static void log(ClaimedSubmission s, RecordingOutcome outcome) {
        String seen = outcome.created() ? "Recorded activity" : "Recorded sighting of activity";
        if (outcome.decision() instanceof Correlation.Linked linked) {
            LOG.info("{} {} for receipt {} Message-ID {} mailbox {}: regarding {} {} by {} ({})", seen, outcome.activityId(),
                    s.id(), s.messageId(), s.mailbox(), linked.regarding().type(), linked.regarding().id(), linked.method(),
                    linked.evidence());
        } else if (outcome.decision() instanceof Correlation.Unresolved unresolved) {
            LOG.info("{} {} for receipt {} Message-ID {} mailbox {}: unresolved, {} {}", seen, outcome.activityId(), s.id(),
                    s.messageId(), s.mailbox(), unresolved.reason(), unresolved.detail());
        } else if (outcome.decision() instanceof Correlation.NotTracked notTracked) {
            LOG.info("{} {} for receipt {} Message-ID {} mailbox {}: not tracked, {}", seen, outcome.activityId(), s.id(),
                    s.messageId(), s.mailbox(), notTracked.reason());
        }
    }

    private void failedAttempt(Handle h, UUID id, String messageId, int previousAttempts, RuntimeException e, Instant now) {
        int attempts = previousAttempts + 1;
        String error = describe(e);
        if (attempts >= MAX_ATTEMPTS) {
            h.createUpdate("UPDATE mail_submissions SET state = 'FAILED', attempts = :attempts, last_error = :error, "
                            + "processed_at = :now WHERE id = :id")
                    .bind("attempts", attempts).bind("error", error).bind("now", now).bind("id", id).execute();
            LOG.error("Recording failed for good after {} attempts: receipt {} Message-ID {}", attempts, id, messageId, e);
        } else {
            h.createUpdate("UPDATE mail_submissions SET attempts = :attempts, last_error = :error, next_attempt_at = :next "
                            + "WHERE id = :id")
                    .bind("attempts", attempts).bind("error", error).bind("next", now.plus(retryDelay.multipliedBy(attempts)))
                    .bind("id", id).execute();
            LOG.debug("Recording attempt {} failed, will retry: receipt {} Message-ID {}: {}", attempts, id, messageId, error);
        }
    }

    private void countFailedAttempt(UUID id, RuntimeException e) {
        try {
            db.jdbi().useTransaction(h -> {
                h.createQuery("SELECT id, mailbox, message_key, message_id, attempts "
                                + "FROM mail_submissions WHERE id = :id AND state = 'QUEUED' FOR UPDATE")
                        .bind("id", id)
                        .map(CLAIM)
                        .findOne()
                        .ifPresent(c -> failedAttempt(h, c.id(), c.messageId(), c.attempts(), e, db.now()));
            });
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
    }
}
