package io.crmbridge.backend.review;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.store.Database;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The review queue: activities no rule could link, listed for a person who links them to a record, makes a
 * contact or lead of their external party, or ignores them. Every decision goes to the audit trail.
 */
public final class ReviewQueue {
    private final Database db;

    public ReviewQueue(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** One page of the queue, oldest first, optionally only one reason or one mailbox. TODO */
    public UnresolvedPage list(Optional<String> reason, Optional<String> mailbox, int pageSize, Optional<String> pageToken) {
        throw new BackendException(BackendException.UNAVAILABLE, "not yet built");
    }

    /** Links an unresolved activity to a record (correlation MANUAL). TODO */
    public RecordRef link(UUID activityId, UUID recordId, String actor) {
        throw new BackendException(BackendException.UNAVAILABLE, "not yet built");
    }

    /** Creates a contact or lead from the activity's external party and links the activity to it. TODO */
    public RecordRef createAndLink(UUID activityId, RecordType type, String firstName, String lastName, String company,
                                   String actor) {
        throw new BackendException(BackendException.UNAVAILABLE, "not yet built");
    }

    /** Takes an unresolved activity out of the queue without linking it. TODO */
    public void ignore(UUID activityId, String note, String actor) {
        throw new BackendException(BackendException.UNAVAILABLE, "not yet built");
    }

    /** The audit trail of one activity, oldest first. TODO */
    public List<ReviewDecision> history(UUID activityId) {
        return List.of();
    }
}
