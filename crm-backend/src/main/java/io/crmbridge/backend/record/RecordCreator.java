package io.crmbridge.backend.record;

import io.crmbridge.backend.BackendException;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Objects;

/** Creates one record within the caller's transaction, checked like an upsert (for the review queue). */
public final class RecordCreator {
    private static final RecordWriter WRITER = new RecordWriter();

    private RecordCreator() {
    }

    /** Creates {@code in}; throws {@link BackendException} INVALID_REQUEST with the reason when it cannot be stored. */
    public static RecordRef create(Handle h, RecordInput in, Instant now) {
        Objects.requireNonNull(in, "in");
        RecordValidation.Result checked = RecordValidation.check(in);
        if (checked.problem().isPresent()) {
            throw new BackendException(BackendException.INVALID_REQUEST, checked.problem().get());
        }
        ValidRecord valid = checked.record().orElseThrow();
        RecordWriter.Written w = WRITER.write(h, valid, true, now);
        if (w.refusal().isPresent()) {
            throw new BackendException(BackendException.INVALID_REQUEST, w.refusal().get());
        }
        return new RecordRef(valid.type(), w.id(), valid.name());
    }
}
