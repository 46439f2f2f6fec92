package io.crmbridge.backend.record;

import io.crmbridge.backend.store.Savepoints;
import io.crmbridge.backend.store.UniqueViolation;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Creates or updates one valid record within the caller's transaction, under a savepoint of its own. */
final class RecordWriter {
    private final RecordRows rows = new RecordRows();

    /** The outcome of writing one record: created or updated, or the reason it was refused. */
    record Written(UUID id, boolean created, Optional<String> refusal) {
        static Written refused(String reason) {
            return new Written(null, false, Optional.of(reason));
        }
    }

    /** Writes {@code r} (its id generated when empty); {@code withParent} false leaves the parent to be set later. */
    Written write(Handle h, ValidRecord r, boolean withParent, Instant now) {
        UUID id = r.id().orElseGet(UUID::randomUUID);
        ValidRecord record = r.withId(id);
        if (withParent && record.parentId().isPresent() && rows.typeOf(h, record.parentId().get()).isEmpty()) {
            return Written.refused("parent " + record.parentId().get() + " does not exist");
        }
        ValidRecord stored = withParent ? record : record.withoutParent();
        for (int tries = 0; ; tries++) {
            Optional<RecordType> existing = rows.typeOf(h, id);
            if (existing.isPresent() && existing.get() != record.type()) {
                return Written.refused("record " + id + " is a " + RecordValidation.word(existing.get()) + ", not a "
                        + RecordValidation.word(record.type()));
            }
            try {
                return Savepoints.attempt(h, () -> {
                    if (existing.isPresent()) {
                        rows.update(h, id, stored, now);
                    } else {
                        rows.insert(h, id, stored, now);
                    }
                    rows.replaceEmails(h, id, stored.emails());
                    return new Written(id, existing.isEmpty(), Optional.empty());
                });
            } catch (RuntimeException e) {
                // created concurrently by another request: write it again as an update
                if (!UniqueViolation.isCause(e) || tries > 0) {
                    throw e;
                }
            }
        }
    }

    void setParent(Handle h, UUID id, UUID parent, Instant now) {
        rows.setParent(h, id, parent, now);
    }

    boolean exists(Handle h, UUID id) {
        return rows.typeOf(h, id).isPresent();
    }
}
