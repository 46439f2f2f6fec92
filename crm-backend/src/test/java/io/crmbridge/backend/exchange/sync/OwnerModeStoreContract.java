package io.crmbridge.backend.exchange.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.record.UpsertOutcome;
import io.crmbridge.fixtures.exchange.FakeExchange;
import io.crmbridge.fixtures.exchange.RecordedRequest;
import io.crmbridge.fixtures.exchange.StoredItem;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mode OWNER against the real record store on an emulated Exchange: the owner set through an upsert or a
 * CSV import decides the one mailbox that holds a contact, and a new owner moves it.
 */
abstract class OwnerModeStoreContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final MailboxTarget JDOE = new MailboxTarget("main", "jdoe", "Kontakte");
    private static final MailboxTarget AYSE = new MailboxTarget("main", "ayşe", "Kişiler");

    private CrmBackend backend;
    private FakeExchange exchange;
    private ContactSync sync;

    protected abstract BackendSettings store();

    /** Called once the store is closed after each test. */
    protected void storeClosed() throws Exception {
    }

    @BeforeEach
    void start() {
        backend = CrmBackend.start(store().withWorkers(0));
        exchange = FakeExchange.start().user("svc", "pw").folder("jdoe", "Kontakte").folder("ayşe", "Kişiler");
        sync = backend.contactSync(ContactSyncSettings.allContactsTo(
                        Map.of("main", WebDavSettings.of(exchange.baseUri(), "svc", "pw")), List.of(JDOE, AYSE))
                .withMode(TargetMode.OWNER).withPollInterval(Duration.ofMillis(20)));
    }

    @AfterEach
    void stop() throws Exception {
        if (sync != null) {
            sync.close();
        }
        if (exchange != null) {
            exchange.close();
        }
        if (backend != null) {
            backend.close();
        }
        storeClosed();
    }

    @Test
    void eachContactGoesOnlyToItsOwnersMailbox() {
        List<String> ids = upsert(contact("Ann Lee").withOwner("jdoe"), contact("Bob Roe").withOwner("AYŞE"),
                contact("Cem Kaya"), contact("Dee Poe").withOwner("someone-else"),
                RecordInput.named(RecordType.ACCOUNT, "", "Acme").withOwner("jdoe"));

        assertThat(sync.enqueueChanged(ids)).isEqualTo(2);
        SyncSummary summary = sync.syncAll(Optional.empty(), false, TIMEOUT);

        assertThat(summary.created()).isEqualTo(2);
        assertThat(names(JDOE)).containsExactly(itemName(ids.get(0)));
        assertThat(names(AYSE)).as("the owner's alias in another case").containsExactly(itemName(ids.get(1)));

        exchange.clearRequests();
        assertThat(sync.syncAll(Optional.empty(), true, TIMEOUT).unchanged()).isEqualTo(2);
        assertThat(writes()).as("a full compare of unchanged contacts").isEmpty();
    }

    @Test
    void aNewOwnerMovesTheContactAndNoOwnerTakesItOutOfEveryMailbox() {
        RecordInput ann = contact("Ann Lee").withOwner("jdoe");
        String id = upsert(ann).get(0);
        sync.enqueueChanged(List.of(id));
        assertThat(sync.syncAll(Optional.empty(), false, TIMEOUT).created()).isEqualTo(1);
        exchange.clearRequests();

        upsert(ann.withOwner("ayşe"));
        assertThat(sync.enqueueChanged(List.of(id))).as("a delete and a create").isEqualTo(2);
        // The workers run since the first sync and may push before this run starts counting: check the result.
        assertThat(sync.syncAll(Optional.empty(), false, TIMEOUT).pending()).isZero();

        assertThat(names(JDOE)).isEmpty();
        assertThat(names(AYSE)).containsExactly(itemName(id));
        assertThat(writes()).containsExactlyInAnyOrder("DELETE jdoe " + itemName(id), "PROPPATCH ayşe " + itemName(id));

        upsert(ann.withOwner(""));
        assertThat(sync.enqueueChanged(List.of(id))).isEqualTo(1);
        assertThat(sync.syncAll(Optional.empty(), false, TIMEOUT).pending()).isZero();

        assertThat(names(JDOE)).isEmpty();
        assertThat(names(AYSE)).isEmpty();
    }

    @Test
    void aCsvImportSetsOwnersAndAFileWithoutTheOwnerColumnLeavesItsContactsWithoutOne() {
        String ann = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        backend.records().importCsv(new StringReader("type,id,name,email,owner\n"
                + "contact," + ann + ",Ann Lee,ann@example.com,jdoe\n"
                + "contact," + bob + ",Bob Roe,bob@example.com,ayşe\n"));
        assertThat(sync.enqueueAll(Optional.empty())).isEqualTo(2);
        assertThat(sync.syncAll(Optional.empty(), false, TIMEOUT).pending()).isZero();
        assertThat(names(JDOE)).containsExactly(itemName(ann));
        assertThat(names(AYSE)).containsExactly(itemName(bob));

        backend.records().importCsv(new StringReader("type,id,name,email,owner\ncontact," + bob + ",Bob Roe,bob@example.com,JDOE\n"));
        assertThat(sync.enqueueAll(Optional.empty())).as("moved by the full compare").isEqualTo(2);
        assertThat(sync.syncAll(Optional.empty(), false, TIMEOUT).pending()).isZero();
        assertThat(names(JDOE)).containsExactlyInAnyOrder(itemName(ann), itemName(bob));
        assertThat(names(AYSE)).isEmpty();

        backend.records().importCsv(new StringReader("type,id,name,email\ncontact," + ann + ",Ann Lee,ann@example.com\n"));
        assertThat(sync.enqueueAll(Optional.empty())).isEqualTo(1);
        assertThat(sync.syncAll(Optional.empty(), false, TIMEOUT).pending()).isZero();
        assertThat(names(JDOE)).containsExactly(itemName(bob));
    }

    private static RecordInput contact(String name) {
        return RecordInput.named(RecordType.CONTACT, UUID.randomUUID().toString(), name);
    }

    private List<String> upsert(RecordInput... records) {
        List<UpsertOutcome> outcomes = backend.records().upsert(List.of(records));
        return outcomes.stream().map(o -> o.id().orElseThrow().toString()).toList();
    }

    private static String itemName(String crmId) {
        return "Customer-" + crmId + ".EML";
    }

    private List<String> names(MailboxTarget target) {
        return exchange.items(target.mailbox(), target.folder()).stream().map(StoredItem::name).toList();
    }

    /** The changes made in Exchange since the requests were last cleared: method, mailbox, item. */
    private List<String> writes() {
        return exchange.requests(r -> r.applied() && (r.method().equals("PROPPATCH") || r.method().equals("DELETE")))
                .stream().map(r -> r.method() + " " + mailboxOf(r) + " " + r.lastSegment()).toList();
    }

    private static String mailboxOf(RecordedRequest r) {
        return r.path().contains("/" + JDOE.mailbox() + "/") ? JDOE.mailbox() : AYSE.mailbox();
    }
}
