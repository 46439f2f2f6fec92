package io.crmbridge.backend;

import io.crmbridge.backend.access.ApiUsers;
import io.crmbridge.backend.activity.ActivityQuery;
import io.crmbridge.backend.intake.MailIntake;
import io.crmbridge.backend.record.RecordStore;
import io.crmbridge.backend.store.Database;

import java.time.Duration;

/** The backend in one piece: the store, the intake, the workers, and the queries the front end needs. */
public final class CrmBackend implements AutoCloseable {
    private final Database db;
    private final MailIntake mailIntake;
    private final RecordStore records;
    private final ActivityQuery activities;
    private final ApiUsers apiUsers;

    private CrmBackend(Database db) {
        this.db = db;
        this.mailIntake = new MailIntake(db, () -> { });
        this.records = new RecordStore(db);
        this.activities = new ActivityQuery(db);
        this.apiUsers = new ApiUsers(db);
    }

    /** Opens the store, migrates its schema and starts {@code settings.workers()} workers. */
    public static CrmBackend start(BackendSettings settings) {
        return new CrmBackend(Database.open(settings.jdbcUrl(), settings.user(), settings.password(), settings.workers() + 4));
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

    /** Whether the store answers, which product it is, and how many submissions wait to be recorded. */
    public DatabaseHealth health() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Wakes the workers and waits until no submission is QUEUED; false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Stops the workers after their current batch and closes the pool. */
    @Override
    public void close() {
        db.close();
    }
}
