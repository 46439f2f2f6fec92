package io.crmbridge.backend;

import io.crmbridge.backend.access.ApiUsers;
import io.crmbridge.backend.activity.ActivityQuery;
import io.crmbridge.backend.correlation.Correlator;
import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.backend.exchange.sync.ContactSyncSettings;
import io.crmbridge.backend.exchange.sync.RecordStoreContacts;
import io.crmbridge.backend.intake.IntakeLoad;
import io.crmbridge.backend.intake.MailIntake;
import io.crmbridge.backend.outgoing.OutgoingTagging;
import io.crmbridge.backend.record.RecordStore;
import io.crmbridge.backend.recording.SubmissionWorkers;
import io.crmbridge.backend.review.ReviewQueue;
import io.crmbridge.backend.sending.CrmMailSender;
import io.crmbridge.backend.store.Database;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The backend in one piece: the store, the mail intake and its workers, records, activities, the review queue,
 * outgoing tagging, CRM-originated mail and API users.
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
    private final ReviewQueue reviewQueue;
    private final OutgoingTagging outgoingTagging;
    private final Optional<CrmMailSender> mailSender;

    private CrmBackend(Database db, BackendSettings settings) {
        this.db = db;
        Correlator correlator = Correlator.standard(settings.internalDomains());
        IntakeLoad intakeLoad = new IntakeLoad();
        this.workers = new SubmissionWorkers(db, correlator, settings.workers(), settings.pollInterval(), intakeLoad);
        this.mailIntake = new MailIntake(db, workers::wake, intakeLoad);
        this.records = new RecordStore(db);
        this.activities = new ActivityQuery(db);
        this.apiUsers = new ApiUsers(db);
        this.reviewQueue = new ReviewQueue(db, correlator);
        this.outgoingTagging = new OutgoingTagging(db, correlator);
        this.mailSender = settings.smtp().map(smtp -> new CrmMailSender(db, correlator, smtp));
    }

    /**
     * Opens the store, migrates its schema and starts {@code settings.workers()} workers, which at once pick up
     * whatever was committed and not yet recorded before. Throws {@link BackendException} UNAVAILABLE when the
     * database cannot be opened or migrated, or the SMTP trust store cannot be read.
     */
    public static CrmBackend start(BackendSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Database db = Database.open(settings.jdbcUrl(), settings.user(), settings.password(),
                settings.workers() + REQUEST_CONNECTIONS);
        CrmBackend backend;
        try {
            backend = new CrmBackend(db, settings);
        } catch (RuntimeException e) {
            db.close();
            throw new BackendException(BackendException.UNAVAILABLE, "cannot start the backend: " + e.getMessage(), e);
        }
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

    public ReviewQueue reviewQueue() {
        return reviewQueue;
    }

    public OutgoingTagging outgoingTagging() {
        return outgoingTagging;
    }

    /** The sender of CRM-originated mail; throws {@link BackendException} UNAVAILABLE when SMTP is not configured. */
    public CrmMailSender mailSender() {
        return mailSender.orElseThrow(() -> new BackendException(BackendException.UNAVAILABLE, "SMTP is not configured"));
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
