package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.ExchangeGateway;
import io.crmbridge.backend.exchange.webdav.WebDavContactGateway;
import io.crmbridge.backend.store.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the contacts folders of the configured Exchange mailboxes in step with the CRM's contacts.
 *
 * <p>Changes go through a durable outbox (one row per contact per mailbox): {@link #enqueueChanged}
 * after records were upserted, {@link #enqueueDeleted} after they were deleted, {@link #syncAll} for
 * a run with a summary (the command line's {@code contacts sync}). Workers push with bounded
 * parallelism per Exchange server once {@link #start()}ed; {@link #syncAll} starts them itself.
 * Safe to use from many threads; several nodes may share the store.
 */
public final class ContactSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContactSync.class);

    private final Outbox outbox;
    private final OutboxReports reports;
    private final ContactSyncSettings settings;
    private final SyncPlanner planner;
    private final Map<String, ServerWorkers> workers = new LinkedHashMap<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final RunListeners listeners = new RunListeners();

    private ContactSync(Database db, ContactSource source, ContactSyncSettings settings,
                        Map<String, ExchangeGateway> gateways) {
        this.outbox = new Outbox(db);
        this.reports = new OutboxReports(db);
        this.settings = settings;
        this.planner = new SyncPlanner(outbox, source, settings);
        ContactPush push = new ContactPush(outbox, settings.conflictPolicy(), settings.retry());
        settings.servers().forEach((id, server) -> {
            ExchangeGateway gateway = Objects.requireNonNull(gateways.get(id), "no gateway for Exchange server " + id);
            workers.put(id, new ServerWorkers(id, gateway, server.maxConnections(), outbox, push,
                    settings.pollInterval(), settings.claimLease(), listeners::publish));
        });
    }

    /** A sync over WebDAV to the configured servers; workers are not started yet. */
    public static ContactSync create(Database db, ContactSource source, ContactSyncSettings settings) {
        Map<String, ExchangeGateway> gateways = new LinkedHashMap<>();
        List<AutoCloseable> created = new ArrayList<>();
        settings.servers().forEach((id, server) -> {
            WebDavContactGateway gateway = new WebDavContactGateway(server);
            gateways.put(id, gateway);
            created.add(gateway);
        });
        ContactSync sync = new ContactSync(db, source, settings, gateways);
        sync.owned.addAll(created);
        return sync;
    }

    /** A sync over the given gateways (by server id), e.g. another protocol's adapter; the caller closes them. */
    public static ContactSync create(Database db, ContactSource source, ContactSyncSettings settings,
                                     Map<String, ExchangeGateway> gateways) {
        return new ContactSync(db, source, settings, gateways);
    }

    /** Starts the workers: from now on queued changes are pushed in the background. */
    public void start() {
        workers.values().forEach(ServerWorkers::start);
    }

    /**
     * Queues the contacts with these CRM ids for every mailbox they belong in (and for deletion where they
     * no longer belong, or where they were deleted from the CRM). Answers how many pushes were queued;
     * a contact whose content did not change queues nothing.
     */
    public int enqueueChanged(Collection<String> crmIds) {
        int queued = planner.changed(crmIds).queued();
        outbox.db().syncToDisk(); // the caller is told it is queued: it must survive a crash
        wakeWorkers();
        return queued;
    }

    /**
     * Compares every CRM contact with what was pushed to one mailbox (or all) and queues what differs,
     * without waiting for the pushes — e.g. after a CSV import. Answers how many pushes were queued.
     */
    public int enqueueAll(Optional<String> mailbox) {
        int queued = planner.everything(mailbox.map(this::configuredAlias)).queued();
        outbox.db().syncToDisk();
        wakeWorkers();
        return queued;
    }

    /** Queues the deletion of these contacts from every mailbox they were pushed to. */
    public int enqueueDeleted(Collection<String> crmIds) {
        int queued = planner.deleted(crmIds).queued();
        outbox.db().syncToDisk();
        wakeWorkers();
        return queued;
    }

    /** {@link #syncAll(Optional, boolean, Duration, Consumer)} without progress reports. */
    public SyncSummary syncAll(Optional<String> mailbox, boolean full, Duration timeout) {
        return syncAll(mailbox, full, timeout, summary -> { });
    }

    /**
     * Pushes what is queued for one mailbox (or all), and waits until it is done or {@code timeout} has
     * passed. {@code full} first compares every CRM contact with what was pushed (queuing only what
     * differs, so an unchanged contact costs no request), queues deletes for contacts gone from the CRM,
     * and retries failed ones. {@code progress} gets a running summary about once a second. The summary
     * counts the pushes made while the run lasts: work already being pushed by running workers when it
     * starts may be done (and uncounted) before. Workers push whatever is due, of any mailbox.
     */
    public SyncSummary syncAll(Optional<String> mailbox, boolean full, Duration timeout, Consumer<SyncSummary> progress) {
        Objects.requireNonNull(mailbox, "mailbox");
        mailbox = mailbox.map(this::configuredAlias);
        long started = System.nanoTime();
        try (SyncRun run = new SyncRun(reports, outbox.db(), mailbox, listeners,
                () -> workers.values().stream().allMatch(ServerWorkers::idle))) {
            int unchanged = 0;
            if (full) {
                Outbox.Enqueued planned = planner.everything(mailbox);
                unchanged = planned.unchanged();
                LOG.info("Contact sync compared every contact: mailbox={} {} to push, {} unchanged, in {} ms",
                        mailbox.orElse("(all)"), planned.queued(), unchanged, (System.nanoTime() - started) / 1_000_000);
            }
            start();
            wakeWorkers();
            SyncSummary summary = run.await(unchanged, timeout, progress);
            LOG.info("Contact sync finished: mailbox={} full={} {} in {} ms", mailbox.orElse("(all)"), full, summary,
                    (System.nanoTime() - started) / 1_000_000);
            return summary;
        }
    }

    /** Counts per mailbox, and the contacts that failed or are being retried (newest first, at most 100). */
    public SyncStatus status(Optional<String> mailbox) {
        mailbox = mailbox.map(this::configuredAlias);
        return new SyncStatus(reports.counts(mailbox), reports.problems(mailbox, 100));
    }

    /** The conflicts found, newest first. */
    public List<SyncConflict> conflicts(Optional<String> mailbox, int limit) {
        mailbox = mailbox.map(this::configuredAlias);
        return reports.conflicts(mailbox, limit).stream()
                .map(c -> new SyncConflict(c.crmId(), c.mailbox(), c.folder(), c.resolution(), FieldsJson.read(c.exchange()),
                        FieldsJson.read(c.crm()), c.detectedAt()))
                .toList();
    }

    /** The alias as configured; {@link IllegalArgumentException} for a mailbox that is not a target. */
    private String configuredAlias(String mailbox) {
        return settings.mailboxes().stream().map(MailboxTarget::mailbox).filter(m -> m.equalsIgnoreCase(mailbox))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mailbox " + mailbox + " is not a contact sync target"));
    }

    private void wakeWorkers() {
        workers.values().forEach(ServerWorkers::wake);
    }

    /** Stops the workers (letting running pushes finish) and closes the gateways this sync made. */
    @Override
    public void close() {
        workers.values().forEach(ServerWorkers::close);
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Cannot close {}: {}", resource, e.toString());
            }
        }
    }
}
