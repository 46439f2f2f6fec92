package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import io.crmbridge.backend.store.Database;
import io.crmbridge.fixtures.exchange.FakeExchange;
import io.crmbridge.fixtures.exchange.StoredItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A contact sync wired to an emulated Exchange with two mailboxes whose contacts folders have
 * localized names ({@code jdoe/Kontakte}, {@code ayşe/Kişiler}), an embedded H2 store and an in-memory CRM.
 */
final class SyncFixture implements AutoCloseable {

    static final String USER = "CORP\\svc-crm";
    static final String PASSWORD = "geheim";
    static final MailboxTarget JDOE = new MailboxTarget("ex1", "jdoe", "Kontakte");
    static final MailboxTarget AYSE = new MailboxTarget("ex1", "ayşe", "Kişiler");
    static final RetryPolicy FAST_RETRY = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 10);

    final FakeExchange exchange;
    final Database db;
    final TestContacts crm = new TestContacts();
    final ContactSync sync;

    SyncFixture(Path dir) {
        this(dir, settings -> settings);
    }

    SyncFixture(Path dir, UnaryOperator<ContactSyncSettings> customize) {
        this(TestStores.h2(dir), customize);
    }

    SyncFixture(BackendSettings store, UnaryOperator<ContactSyncSettings> customize) {
        exchange = FakeExchange.start().user(USER, PASSWORD).folder("jdoe", "Kontakte").folder("ayşe", "Kişiler");
        db = Database.open(store.jdbcUrl(), store.user(), store.password(), 8);
        WebDavSettings server = WebDavSettings.of(exchange.baseUri(), USER, PASSWORD)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withMaxConnections(8);
        ContactSyncSettings settings = ContactSyncSettings.allContactsTo(Map.of("ex1", server), List.of(JDOE, AYSE))
                .withRetry(FAST_RETRY).withPollInterval(Duration.ofMillis(20));
        sync = ContactSync.create(db, crm, customize.apply(settings));
    }

    SyncSummary fullSync() {
        return sync.syncAll(Optional.empty(), true, Duration.ofSeconds(60));
    }

    Optional<StoredItem> item(MailboxTarget target, String crmId) {
        return exchange.item(target.mailbox(), target.folder(), "Customer-" + crmId + ".EML");
    }

    List<StoredItem> items(MailboxTarget target) {
        return exchange.items(target.mailbox(), target.folder());
    }

    @Override
    public void close() {
        sync.close();
        db.close();
        exchange.close();
    }
}
