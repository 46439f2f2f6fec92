package io.crmbridge.backend.review;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.activity.ActivityDecisions;
import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.correlation.Correlator;
import io.crmbridge.backend.correlation.ExternalParties;
import io.crmbridge.backend.correlation.NotTrackedReason;
import io.crmbridge.backend.correlation.UnresolvedReason;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailJson;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.mailbox.SystemUsers;
import io.crmbridge.backend.record.RecordCreator;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.store.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The review queue: activities no rule could link, listed for a person who links them to a record, makes a
 * contact or lead of their external party, or ignores them. Every decision goes to the audit trail with who
 * made it. A decision locks the activity, so two people deciding at once cannot both win: the second gets
 * NOT_UNRESOLVED. Later replies in a thread linked here follow the link (THREAD).
 */
public final class ReviewQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewQueue.class);
    /** The page size used when the caller asks for 0. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_NOTE = 1000;

    private final Database db;
    private final Correlator correlator;
    private final QueueListing listing = new QueueListing();
    private final AuditTrail audit = new AuditTrail();

    public ReviewQueue(Database db, Correlator correlator) {
        this.db = Objects.requireNonNull(db, "db");
        this.correlator = Objects.requireNonNull(correlator, "correlator");
    }

    /**
     * One page of the queue, oldest first (by the time each item was queued), optionally only one reason
     * ({@code NO_MATCH}, {@code UNKNOWN_RECORD}, {@code AMBIGUOUS}) or only mail seen in one mailbox. A page
     * size of 0 means {@value #DEFAULT_PAGE_SIZE}. Throws {@link BackendException} INVALID_REQUEST for an
     * unknown reason, a page size outside 0..{@value #MAX_PAGE_SIZE}, or a token not given for these filters.
     */
    public UnresolvedPage list(Optional<String> reason, Optional<String> mailbox, int pageSize, Optional<String> pageToken) {
        if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
            throw new BackendException(BackendException.INVALID_REQUEST,
                    "the page size is 1 to " + MAX_PAGE_SIZE + " (or 0 for " + DEFAULT_PAGE_SIZE + "), not " + pageSize);
        }
        int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize;
        String reasonFilter = text(reason).toUpperCase(Locale.ROOT);
        if (!reasonFilter.isEmpty() && List.of(UnresolvedReason.values()).stream().noneMatch(r -> r.name().equals(reasonFilter))) {
            throw new BackendException(BackendException.INVALID_REQUEST, "unknown reason '" + text(reason)
                    + "'; the queue's reasons are " + List.of(UnresolvedReason.values()));
        }
        String mailboxFilter = SystemUsers.normalize(text(mailbox));
        Optional<QueueToken> after = Objects.requireNonNullElse(pageToken, Optional.<String>empty()).filter(t -> !t.isBlank())
                .map(t -> QueueToken.decode(t, reasonFilter, mailboxFilter));
        List<UnresolvedItem> items = read(h -> listing.page(h, reasonFilter, mailboxFilter, size + 1, after));
        boolean more = items.size() > size;
        List<UnresolvedItem> shown = more ? items.subList(0, size) : items;
        Optional<String> next = more ? Optional.of(new QueueToken(reasonFilter, mailboxFilter, shown.get(size - 1).queuedAt(),
                shown.get(size - 1).activityId()).encode()) : Optional.empty();
        return new UnresolvedPage(shown, next);
    }

    /**
     * Links an unresolved activity to a record (correlation MANUAL, evidence "linked by {@code actor}") and
     * answers the record. Throws {@link BackendException} ACTIVITY_NOT_FOUND, RECORD_NOT_FOUND, NOT_UNRESOLVED
     * (already linked or ignored), INVALID_REQUEST (no actor), UNAVAILABLE.
     */
    public RecordRef link(UUID activityId, UUID recordId, String actor) {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(recordId, "recordId");
        String who = actor(actor);
        RecordRef linked = decide(h -> {
            Instant now = db.now();
            lockUnresolved(h, activityId);
            RecordRef record = correlator.context(h).record(recordId)
                    .orElseThrow(() -> new BackendException(BackendException.RECORD_NOT_FOUND, "no record " + recordId));
            ActivityDecisions.link(h, activityId, record, CorrelationMethod.MANUAL, "linked by " + who, now);
            audit.add(h, activityId, ReviewAction.LINK, Optional.of(recordId), who, "", now);
            return record;
        });
        LOG.info("Review: activity {} linked to {} {} by {}", activityId, linked.type(), linked.id(), who);
        return linked;
    }

    /**
     * Creates a contact or lead with the address of the activity's external party (the sender of inbound mail,
     * else its external recipient) and links the activity to it (MANUAL). Names not given are taken from how the
     * mail showed the party ("Ann Customer", "Customer, Ann", else the address). Throws {@link BackendException}
     * ACTIVITY_NOT_FOUND, NOT_UNRESOLVED, INVALID_REQUEST (type not CONTACT or LEAD, no external party with an
     * address, no actor, a field too long), UNAVAILABLE.
     */
    public RecordRef createAndLink(UUID activityId, RecordType type, String firstName, String lastName, String company,
                                   String actor) {
        Objects.requireNonNull(activityId, "activityId");
        if (type != RecordType.CONTACT && type != RecordType.LEAD) {
            throw new BackendException(BackendException.INVALID_REQUEST, "a contact or a lead can be created, not " + type);
        }
        String who = actor(actor);
        RecordRef created = decide(h -> {
            Instant now = db.now();
            lockUnresolved(h, activityId);
            Party party = externalParty(h, activityId);
            String first = text(firstName);
            String last = text(lastName);
            if (first.isEmpty() && last.isEmpty()) {
                PersonName guessed = PersonName.guess(party.displayName(), party.email());
                first = guessed.first();
                last = guessed.last();
            }
            RecordRef record = RecordCreator.create(h, new RecordInput(type, Optional.empty(), "", first, "", last,
                    List.of(party.email()), text(company), "", "", "", "", "", "", "", "", "", "", Optional.empty(), ""), now);
            ActivityDecisions.link(h, activityId, record, CorrelationMethod.MANUAL,
                    "created from " + party.email() + " and linked by " + who, now);
            audit.add(h, activityId, ReviewAction.CREATE_AND_LINK, Optional.of(record.id()), who, party.email(), now);
            return record;
        });
        LOG.info("Review: activity {} linked to new {} {} ({}) by {}", activityId, created.type(), created.id(),
                created.name(), who);
        return created;
    }

    /**
     * Takes an unresolved activity out of the queue without linking it; its state becomes IGNORED with reason
     * IGNORED and the detail "ignored by {@code actor}: {@code note}". Throws {@link BackendException}
     * ACTIVITY_NOT_FOUND, NOT_UNRESOLVED, INVALID_REQUEST (no actor), UNAVAILABLE.
     */
    public void ignore(UUID activityId, String note, String actor) {
        Objects.requireNonNull(activityId, "activityId");
        String who = actor(actor);
        String why = text(note);
        if (why.length() > MAX_NOTE) {
            throw new BackendException(BackendException.INVALID_REQUEST, "the note is longer than " + MAX_NOTE + " characters");
        }
        decide(h -> {
            Instant now = db.now();
            lockUnresolved(h, activityId);
            ActivityDecisions.ignore(h, activityId, NotTrackedReason.IGNORED.name(),
                    "ignored by " + who + (why.isEmpty() ? "" : ": " + why), now);
            audit.add(h, activityId, ReviewAction.IGNORE, Optional.empty(), who, why, now);
            return activityId;
        });
        LOG.info("Review: activity {} ignored by {}", activityId, who);
    }

    /** The audit trail of one activity, oldest first (empty for an activity nobody decided about). */
    public List<ReviewDecision> history(UUID activityId) {
        Objects.requireNonNull(activityId, "activityId");
        return read(h -> audit.of(h, activityId));
    }

    private static void lockUnresolved(Handle h, UUID activityId) {
        ActivityDecisions.State state = ActivityDecisions.lock(h, activityId)
                .orElseThrow(() -> new BackendException(BackendException.ACTIVITY_NOT_FOUND, "no activity " + activityId));
        if (!"UNRESOLVED".equals(state.state())) {
            throw new BackendException(BackendException.NOT_UNRESOLVED, "activity " + activityId + " is not in the review queue ("
                    + state.state() + (state.reason().isEmpty() ? "" : " " + state.reason()) + ")");
        }
    }

    // The external party by the same rule that looked for its records, from the stored mail.
    private Party externalParty(Handle h, UUID activityId) {
        // the parties are all in the JSON; the body is not needed
        Optional<String> payload = h.createQuery("SELECT p.payload FROM mail_submissions s JOIN mail_payloads p ON p.submission_id = s.id "
                        + "WHERE s.activity_id = :id ORDER BY s.received_at, s.id FETCH FIRST 1 ROWS ONLY")
                .bind("id", activityId).mapTo(String.class).findOne();
        InboundMail mail = MailJson.read(payload.orElseThrow(() -> new BackendException(BackendException.INVALID_REQUEST,
                "activity " + activityId + " has no submitted mail to take a party from")), new byte[0]);
        return ExternalParties.of(mail, correlator.context(h)).stream().findFirst()
                .orElseThrow(() -> new BackendException(BackendException.INVALID_REQUEST,
                        "activity " + activityId + " has no external party with an address to make a contact or lead of"));
    }

    private <T> T decide(Function<Handle, T> decision) {
        T result;
        try {
            result = db.jdbi().inTransaction(decision::apply);
        } catch (BackendException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Cannot commit a review decision: {}", e.toString());
            throw new BackendException(BackendException.UNAVAILABLE, "the review queue cannot take decisions now", e);
        }
        db.syncToDisk();
        return result;
    }

    private <T> T read(Function<Handle, T> query) {
        try {
            return db.jdbi().withHandle(query::apply);
        } catch (BackendException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackendException(BackendException.UNAVAILABLE, "the review queue cannot be read now", e);
        }
    }

    private static String actor(String actor) {
        String who = text(actor);
        if (who.isEmpty()) {
            throw new BackendException(BackendException.INVALID_REQUEST, "who decides is required (the actor)");
        }
        if (who.length() > 200) {
            throw new BackendException(BackendException.INVALID_REQUEST, "the actor is longer than 200 characters");
        }
        return who;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String text(Optional<String> s) {
        return Objects.requireNonNullElse(s, Optional.<String>empty()).map(String::strip).orElse("");
    }
}
