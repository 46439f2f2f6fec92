package io.crmbridge.backend;

import io.crmbridge.backend.access.ApiUsers;
import io.crmbridge.backend.activity.ActivityQuery;
import io.crmbridge.backend.correlation.CorrelationChain;
import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.backend.exchange.sync.ContactSyncSettings;
import io.crmbridge.backend.exchange.sync.RecordStoreContacts;
import io.crmbridge.backend.intake.MailIntake;
import io.crmbridge.backend.record.RecordStore;
import io.crmbridge.backend.recording.SubmissionWorkers;
import io.crmbridge.backend.store.Database;

import java.time.Duration;
import java.util.Objects;

/**
 * The backend in one piece: the store, the mail intake and its workers, records, activities and API users.
 * Start one per process; all its parts are safe to use from many threads.
 */
public final class CrmBackend implements AutoCloseable {
    // connections beyond the workers' own, for the front end's requests
    private static final int REQUEST_CONNECTIONS = 8;

    private final Database db;
    private final SubmissionWorkers workers;
    private final MailIntake mailIntake;
    private final RecordStore records;
    private final ActivityQuery activities;
    private final ApiUsers apiUsers;

    private CrmBackend(Database db, BackendSettings settings) {
        this.db = db;
        this.workers = new SubmissionWorkers(db, CorrelationChain.standard(), settings.workers(), settings.pollInterval());
        this.mailIntake = new MailIntake(db, workers::wake);
        this.records = new RecordStore(db);
        this.activities = new ActivityQuery(db);
        this.apiUsers = new ApiUsers(db);
    }

    /**
     * Opens the store, migrates its schema and starts {@code settings.workers()} workers, which at once pick up
     * whatever was committed and not yet recorded before. Throws {@link BackendException} UNAVAILABLE when the
     * database cannot be opened or migrated.
     */
    public static CrmBackend start(BackendSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Database db = Database.open(settings.jdbcUrl(), settings.user(), settings.password(),
                settings.workers() + REQUEST_CONNECTIONS);
        CrmBackend backend = new CrmBackend(db, settings);
        backend.workers.start();
        return backend;
    }

    public MailIntake mailIntake() {
        return mailIntake;
    }

    public RecordStore records() {
        return records;
    }

    public ActivityQuery activities() {
        return activities;
    }

    public ApiUsers apiUsers() {
        return apiUsers;
    }

    /** Contact sync to Exchange over this store's contacts; the caller starts it (or runs syncAll) and closes it. */
    public ContactSync contactSync(ContactSyncSettings settings) {
        return ContactSync.create(db, new RecordStoreContacts(db, records), settings);
    }

    /** Whether the store answers, which product it is, and how many submissions wait to be recorded. */
    public DatabaseHealth health() {
        String product = db.vendor().productName();
        try {
            long queued = workers.queued();
            return new DatabaseHealth(true, product, "ok", queued);
        } catch (RuntimeException e) {
            return new DatabaseHealth(false, product, "database unreachable: " + rootMessage(e), 0);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** Wakes the workers and waits until no submission is QUEUED; false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) {
        return workers.awaitIdle(timeout);
    }

    /** Stops the workers after their current batch and closes the pool. */
    @Override
    public void close() {
        try {
            workers.close();
        } finally {
            db.close();
        }
    }
}
