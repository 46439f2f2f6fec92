package io.crmbridge.backend.recording;

import io.crmbridge.backend.correlation.CorrelationContext;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import org.jdbi.v3.core.Handle;

import java.util.Optional;
import java.util.UUID;

/** Answers correlation rules from the store, inside the transaction recording the mail. */
final class StoreCorrelationContext implements CorrelationContext {
    private final Handle h;

    StoreCorrelationContext(Handle h) {
        this.h = h;
    }

    @Override
    public Optional<RecordRef> record(UUID id) {
        return h.createQuery("SELECT record_type, name FROM records WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new RecordRef(RecordType.valueOf(rs.getString("record_type")), id, rs.getString("name")))
                .findOne();
    }
}
