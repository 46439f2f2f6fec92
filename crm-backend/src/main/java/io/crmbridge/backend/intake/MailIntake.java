package io.crmbridge.backend.intake;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.mailbox.SystemUsers;
import io.crmbridge.backend.store.Database;
import io.crmbridge.backend.store.Savepoints;
import io.crmbridge.backend.store.TimeOrderedIds;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Takes batches of mail from agents, stores each new message once and durably, and answers receipts and
 * status. Safe to call from many threads and from several nodes on one database.
 */
public final class MailIntake {
    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
    /** The most receipt ids one status call may ask about. */
    public static final int MAX_STATUS_IDS = 1000;
    /** The most mails one submit call may carry (the front end sets its own, lower limit). */
    public static final int MAX_BATCH = 100_000;
    // message keys per look-up of those stored already, so that the IN list stays short on every database
    private static final int LOOKUP_CHUNK = 500;

    private final Database db;
    private final Runnable onAccepted;
    private final SubmissionStatusQuery statusQuery;
    private final IntakeLoad load;

    /** An intake on {@code db} that calls {@code onAccepted} after committing new submissions (to wake workers). */
    public MailIntake(Database db, Runnable onAccepted) {
        this(db, onAccepted, new IntakeLoad());
    }

    /** The same, telling {@code load} while it takes a batch. */
    public MailIntake(Database db, Runnable onAccepted, IntakeLoad load) {
        this.db = Objects.requireNonNull(db, "db");
        this.onAccepted = Objects.requireNonNull(onAccepted, "onAccepted");
        this.load = Objects.requireNonNull(load, "load");
        this.statusQuery = new SubmissionStatusQuery(db);
    }

    /**
     * Validates, deduplicates and durably stores a batch, then answers one receipt per mail, in order. A bad
     * mail is REJECTED (fault code {@code INVALID_MESSAGE}) and the others are stored all the same. A mail
     * already submitted from the same mailbox, earlier or in this batch, is DUPLICATE with the first receipt
     * id. Throws {@link BackendException} UNAVAILABLE when the store cannot commit (then nothing is stored,
     * or nothing is acknowledged: a retry answers DUPLICATE for what did get stored) and INVALID_REQUEST for
     * more than {@value #MAX_BATCH} mails.
     */
    public List<Receipt> submit(List<InboundMail> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.size() > MAX_BATCH) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "at most " + MAX_BATCH + " mails per batch, got " + batch.size());
        }
        Receipt[] receipts = new Receipt[batch.size()];
        // (mailbox, key) -> positions in the batch, so a repeat within the batch answers the first receipt
        Map<SubmissionKey, List<Integer>> byKey = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            InboundMail mail = batch.get(i);
            if (mail == null) {
                receipts[i] = Receipt.rejected("", "message " + i + " is empty");
                continue;
            }
            Optional<String> problem = MailValidation.problem(mail);
            if (problem.isPresent()) {
                receipts[i] = Receipt.rejected(mail.clientRef(), problem.get());
                LOG.info("Rejected mail clientRef={} mailbox={} Message-ID={}: {}", mail.clientRef(), mail.mailbox(),
                        mail.messageId().orElse(""), problem.get());
                continue;
            }
            SubmissionKey key = new SubmissionKey(SystemUsers.normalize(mail.mailbox()), MessageKey.of(mail));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        if (!byKey.isEmpty()) {
            Map<SubmissionKey, Stored> stored;
            load.begin();
            try {
                stored = store(batch, byKey);
            } finally {
                load.end();
            }
            stored.forEach((key, s) -> {
                List<Integer> positions = byKey.get(key);
                for (int n = 0; n < positions.size(); n++) {
                    int i = positions.get(n);
                    String clientRef = batch.get(i).clientRef();
                    receipts[i] = s.isNew() && n == 0
                            ? Receipt.accepted(clientRef, s.receiptId().toString())
                            : Receipt.duplicate(clientRef, s.receiptId().toString());
                }
            });
            long accepted = stored.values().stream().filter(Stored::isNew).count();
            LOG.info("Committed mail batch: {} accepted, {} duplicate, {} rejected, mailbox {}", accepted,
                    batch.size() - accepted - rejected(receipts), rejected(receipts),
                    byKey.keySet().stream().map(SubmissionKey::mailbox).distinct().collect(Collectors.joining(",")));
            if (accepted > 0) {
                onAccepted.run();
            }
        }
        return List.of(receipts);
    }

    private static long rejected(Receipt[] receipts) {
        long n = 0;
        for (Receipt r : receipts) {
            if (r.status() == ReceiptStatus.REJECTED) {
                n++;
            }
        }
        return n;
    }

    /*
     * Keys are taken in sorted order (TreeMap), mailboxes first, so that two batches racing for the same
     * keys lock them in the same order and cannot deadlock.
     */
    private Map<SubmissionKey, Stored> store(List<InboundMail> batch, Map<SubmissionKey, List<Integer>> byKey) {
        Instant now = db.now();
        Map<SubmissionKey, Stored> stored;
        try {
            stored = db.jdbi().inTransaction(h -> {
                byKey.keySet().stream().map(SubmissionKey::mailbox).distinct().sorted().forEach(mailbox ->
                        ensureSystemUser(h, mailbox, batch, byKey, now));
                return storeAll(h, batch, byKey, now);
            });
        } catch (RuntimeException e) {
            LOG.error("Cannot commit a mail batch of {} messages: {}", batch.size(), e.toString());
            throw new BackendException(BackendException.UNAVAILABLE, "the mail store cannot take submissions now", e);
        }
        db.syncToDisk();
        return stored;
    }

    /*
     * The common case, new mail only, in two statements: all keys inserted as one batch, which the unique key
     * checks anyway. Only when a key is taken (a retry, or another batch racing for it; the batch is then rolled
     * back to its savepoint) does it look up which keys are stored already, insert the others as one batch, and
     * go key by key if that too meets a key inserted in the meantime.
     */
    private static Map<SubmissionKey, Stored> storeAll(Handle h, List<InboundMail> batch,
                                                       Map<SubmissionKey, List<Integer>> byKey, Instant now) {
        Function<SubmissionKey, InboundMail> first = key -> batch.get(byKey.get(key).get(0));
        Map<SubmissionKey, UUID> ids = new LinkedHashMap<>();
        byKey.keySet().forEach(key -> ids.put(key, TimeOrderedIds.next()));
        Map<SubmissionKey, Stored> result = new LinkedHashMap<>();
        if (insertAll(h, ids, first, now)) {
            ids.forEach((key, id) -> result.put(key, new Stored(id, true)));
            return result;
        }
        Map<SubmissionKey, UUID> existing = existing(h, byKey.keySet());
        Map<SubmissionKey, UUID> fresh = new LinkedHashMap<>(ids);
        fresh.keySet().removeAll(existing.keySet());
        boolean inserted = insertAll(h, fresh, first, now);
        for (SubmissionKey key : byKey.keySet()) {
            if (existing.containsKey(key)) {
                result.put(key, new Stored(existing.get(key), false));
            } else if (inserted) {
                result.put(key, new Stored(fresh.get(key), true));
            } else {
                result.put(key, storeOne(h, key, first.apply(key), now));
            }
        }
        return result;
    }

    // false: one of the keys is taken, and nothing was inserted
    private static boolean insertAll(Handle h, Map<SubmissionKey, UUID> ids, Function<SubmissionKey, InboundMail> mails,
                                     Instant now) {
        return ids.isEmpty() || Savepoints.insertUnlessTaken(h, () -> {
            insert(h, ids, mails, now);
            return true;
        }).isPresent();
    }

    /*
     * Row values, (mailbox, message_key) IN ((..), ..): both columns of the unique index, so each key is one index
     * look-up. "mailbox = ? AND message_key IN (..)" made H2 walk every submission the mailbox ever made (its plan
     * used the mailbox alone; scanCount = the mailbox's size), so intake slowed down as a mailbox's history grew.
     */
    private static Map<SubmissionKey, UUID> existing(Handle h, Set<SubmissionKey> keys) {
        List<SubmissionKey> all = new ArrayList<>(keys);
        Map<SubmissionKey, UUID> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<SubmissionKey> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            String rows = IntStream.range(0, chunk.size()).mapToObj(i -> "(:m" + i + ", :k" + i + ")").collect(Collectors.joining(", "));
            Query query = h.createQuery("SELECT mailbox, message_key, id FROM mail_submissions WHERE (mailbox, message_key) IN ("
                    + rows + ")");
            for (int i = 0; i < chunk.size(); i++) {
                query.bind("m" + i, chunk.get(i).mailbox()).bind("k" + i, chunk.get(i).messageKey());
            }
            query.map((rs, ctx) -> Map.entry(new SubmissionKey(rs.getString("mailbox"), rs.getString("message_key")),
                            rs.getObject("id", UUID.class)))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /** Inserts each new submission and its payload, in the order of {@code ids}. */
    private static void insert(Handle h, Map<SubmissionKey, UUID> ids, Function<SubmissionKey, InboundMail> mails, Instant now) {
        PreparedBatch submissions = h.prepareBatch("INSERT INTO mail_submissions (id, mailbox, message_key, folder, message_id, "
                + "client_ref, payload_version, state, attempts, last_error, received_at, next_attempt_at) "
                + "VALUES (:id, :mailbox, :key, :folder, :messageId, :clientRef, :version, 'QUEUED', 0, '', :now, :now)");
        PreparedBatch payloads = h.prepareBatch("INSERT INTO mail_payloads (submission_id, payload, body) VALUES (:id, :payload, :body)");
        ids.forEach((key, id) -> {
            InboundMail mail = mails.apply(key);
            submissions.bind("id", id)
                    .bind("mailbox", key.mailbox())
                    .bind("key", key.messageKey())
                    .bind("folder", mail.folder().name())
                    .bind("messageId", mail.messageId().flatMap(MessageKey::normalizeMessageId).orElse(""))
                    .bind("clientRef", mail.clientRef())
                    .bind("version", MailJson.VERSION)
                    .bind("now", now)
                    .add();
            MailJson.Stored stored = MailJson.write(mail);
            payloads.bind("id", id).bind("payload", stored.json()).bind("body", stored.body()).add();
        });
        submissions.execute();
        payloads.execute();
    }

    // The owner's names come from mail the mailbox itself sent.
    private static void ensureSystemUser(Handle h, String mailbox, List<InboundMail> batch,
                                         Map<SubmissionKey, List<Integer>> byKey, Instant now) {
        Optional<Party> owner = byKey.entrySet().stream()
                .filter(e -> e.getKey().mailbox().equals(mailbox))
                .flatMap(e -> e.getValue().stream())
                .map(batch::get)
                .filter(m -> m.folder() == MailFolder.SENT)
                .flatMap(m -> m.from().stream())
                .filter(p -> SystemUsers.normalize(p.email()).equals(mailbox))
                .findFirst();
        SystemUsers.findOrCreate(h, mailbox, owner.map(Party::displayName).orElse(""),
                owner.map(Party::notesName).orElse(""), now);
    }

    private static Stored storeOne(Handle h, SubmissionKey key, InboundMail mail, Instant now) {
        for (int tries = 0; tries < 3; tries++) {
            Optional<UUID> existing = h.createQuery("SELECT id FROM mail_submissions WHERE mailbox = :mailbox AND message_key = :key")
                    .bind("mailbox", key.mailbox()).bind("key", key.messageKey()).mapTo(UUID.class).findOne();
            if (existing.isPresent()) {
                return new Stored(existing.get(), false);
            }
            UUID id = TimeOrderedIds.next();
            Optional<UUID> inserted = Savepoints.insertUnlessTaken(h, () -> {
                insert(h, Map.of(key, id), k -> mail, now);
                return id;
            });
            if (inserted.isPresent()) {
                return new Stored(id, true);
            }
            // another batch inserted the same key concurrently: look again, now that it is committed
        }
        throw new IllegalStateException("submission " + key + " neither insertable nor found");
    }

    /** The state of each receipt id, in order; an id never issued is UNKNOWN. At most {@value #MAX_STATUS_IDS} ids. */
    public List<MailStatus> status(List<String> receiptIds) {
        Objects.requireNonNull(receiptIds, "receiptIds");
        if (receiptIds.size() > MAX_STATUS_IDS) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "at most " + MAX_STATUS_IDS + " receipt ids per call, got " + receiptIds.size());
        }
        return statusQuery.statusOf(receiptIds);
    }

    private record SubmissionKey(String mailbox, String messageKey) implements Comparable<SubmissionKey> {
        private static final Comparator<SubmissionKey> ORDER =
                Comparator.comparing(SubmissionKey::mailbox).thenComparing(SubmissionKey::messageKey);

        @Override
        public int compareTo(SubmissionKey other) {
            return ORDER.compare(this, other);
        }
    }

    private record Stored(UUID receiptId, boolean isNew) {
    }
}
