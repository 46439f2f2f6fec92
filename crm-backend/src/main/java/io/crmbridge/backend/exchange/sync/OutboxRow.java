package io.crmbridge.backend.exchange.sync;

import java.util.UUID;

/** One claimed piece of outbox work: push (or delete) one contact in one folder, as of {@code version}. */
record OutboxRow(UUID id, MailboxTarget target, String crmId, Action action, long version, String wantedHash,
                 String wantedFields, String pushedHash, int attempts) {

    /** What the row asks for. */
    enum Action {
        UPSERT,
        DELETE
    }
}
