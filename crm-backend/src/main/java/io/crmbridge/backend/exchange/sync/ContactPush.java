package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.backend.exchange.ContactFolder;
import io.crmbridge.backend.exchange.ExchangeContact;
import io.crmbridge.backend.exchange.ExchangeException;
import io.crmbridge.backend.exchange.ExchangeGateway;
import io.crmbridge.backend.exchange.RemoteContact;
import io.crmbridge.backend.exchange.UpsertOutcome;
import io.crmbridge.backend.exchange.sync.PushReport.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one outbox row to Exchange and writes down what happened.
 *
 * <p>A contact pushed before is read back first: if Exchange holds what the CRM wants already (an
 * earlier attempt worked but its answer was lost) nothing is written; if it holds neither that nor
 * what was pushed last, someone edited it in Outlook — a conflict, handled by the policy. A first push
 * writes at once, without reading.
 */
final class ContactPush {

    private static final Logger LOG = LoggerFactory.getLogger(ContactPush.class);

    private final Outbox outbox;
    private final ConflictPolicy policy;
    private final RetryPolicy retry;

    /** What a push found, and what to write down about it. */
    record Done(PushReport report, Consumer<Handle> write) {
    }

    ContactPush(Outbox outbox, ConflictPolicy policy, RetryPolicy retry) {
        this.outbox = outbox;
        this.policy = policy;
        this.retry = retry;
    }

    Done run(OutboxRow row, ExchangeGateway gateway) {
        try {
            return row.action() == OutboxRow.Action.UPSERT ? upsert(row, gateway) : delete(row, gateway);
        } catch (ExchangeException e) {
            return failed(row, e);
        }
    }

    private Done upsert(OutboxRow row, ExchangeGateway gateway) {
        ContactFolder folder = row.target().contactFolder();
        ContactFields wanted = FieldsJson.read(row.wantedFields()).orElseThrow();
        boolean conflict = false;
        Optional<RemoteContact> remote = Optional.empty();
        if (!row.pushedHash().isEmpty() || row.attempts() > 0) {
            remote = gateway.readContact(folder, row.crmId());
            String remoteHash = remote.map(r -> ContactFingerprint.of(r.fields())).orElse("");
            if (remoteHash.equals(row.wantedHash())) {
                return done(row, row.pushedHash().isEmpty() ? Result.CREATED : Result.UPDATED, false, remote);
            }
            conflict = !row.pushedHash().isEmpty() && !remoteHash.equals(row.pushedHash());
            if (conflict && policy == ConflictPolicy.REPORT) {
                return leave(row, remote);
            }
        }
        UpsertOutcome outcome = gateway.upsertContact(folder, new ExchangeContact(row.crmId(), wanted));
        return done(row, outcome == UpsertOutcome.CREATED ? Result.CREATED : Result.UPDATED, conflict, remote);
    }

    private Done delete(OutboxRow row, ExchangeGateway gateway) {
        ContactFolder folder = row.target().contactFolder();
        boolean conflict = false;
        Optional<RemoteContact> remote = Optional.empty();
        if (!row.pushedHash().isEmpty()) {
            remote = gateway.readContact(folder, row.crmId());
            if (remote.isEmpty()) {
                return done(row, Result.DELETED, false, remote);
            }
            conflict = !ContactFingerprint.of(remote.get().fields()).equals(row.pushedHash());
            if (conflict && policy == ConflictPolicy.REPORT) {
                return leave(row, remote);
            }
        }
        gateway.deleteContact(folder, row.crmId());
        return done(row, Result.DELETED, conflict, remote);
    }

    /** Writes down a push that worked; an overwritten Outlook edit is recorded with it, in the same commit. */
    private Done done(OutboxRow row, Result result, boolean conflict, Optional<RemoteContact> remote) {
        Instant now = outbox.db().now();
        Consumer<Handle> write = h -> {
            if (conflict) {
                outbox.recordConflict(h, row, "OVERWRITTEN", remote.map(r -> FieldsJson.write(r.fields())).orElse(""),
                        now);
            }
            if (result == Result.DELETED) {
                outbox.deleted(h, row, now);
            } else {
                outbox.pushed(h, row, result.name(), now);
            }
        };
        if (conflict) {
            LOG.warn("Contact edited in Outlook, overwritten by the CRM (policy crm-wins): mailbox={} folder={} crmId={}",
                    row.target().mailbox(), row.target().folder(), row.crmId());
        }
        LOG.debug("Contact {} {} in {}", row.crmId(), result, row.target().contactFolder());
        return new Done(new PushReport(row.target(), row.crmId(), result, conflict, Optional.empty()), write);
    }

    private Done leave(OutboxRow row, Optional<RemoteContact> remote) {
        Instant now = outbox.db().now();
        Consumer<Handle> write = h -> {
            outbox.recordConflict(h, row, "LEFT", remote.map(r -> FieldsJson.write(r.fields())).orElse(""), now);
            outbox.leftInConflict(h, row, now);
        };
        LOG.warn("Contact edited in Outlook, left as it is (policy report): mailbox={} folder={} crmId={}",
                row.target().mailbox(), row.target().folder(), row.crmId());
        return new Done(new PushReport(row.target(), row.crmId(), Result.LEFT, true, Optional.empty()), write);
    }

    private Done failed(OutboxRow row, ExchangeException e) {
        Instant now = outbox.db().now();
        // A rejected property means the item holds part of this push: not an Outlook edit next time.
        boolean partial = e.code() == ExchangeException.Code.PROPERTY_REJECTED;
        int failures = row.attempts() + 1;
        if (e.retryable() && failures < retry.maxAttempts()) {
            Duration wait = retry.delay(failures, e.retryAfter());
            Consumer<Handle> write = h -> outbox.failed(h, row, e.code().name(), e.getMessage(),
                    Optional.of(now.plus(wait)), retry.maxAttempts(), partial, now);
            LOG.info("Contact push to retry in {} ms (attempt {}): mailbox={} crmId={} code={} reason={}",
                    wait.toMillis(), failures, row.target().mailbox(), row.crmId(), e.code(), e.getMessage());
            return new Done(new PushReport(row.target(), row.crmId(), Result.RETRY, false,
                    e.code() == ExchangeException.Code.UNAVAILABLE ? e.retryAfter() : Optional.empty()), write);
        }
        Consumer<Handle> write = h -> outbox.failed(h, row, e.code().name(), e.getMessage(), Optional.empty(),
                retry.maxAttempts(), partial, now);
        LOG.warn("Contact push failed for good after {} attempt(s): mailbox={} folder={} crmId={} code={} reason={}",
                failures, row.target().mailbox(), row.target().folder(), row.crmId(), e.code(), e.getMessage());
        return new Done(new PushReport(row.target(), row.crmId(), Result.FAILED, false, Optional.empty()), write);
    }
}
