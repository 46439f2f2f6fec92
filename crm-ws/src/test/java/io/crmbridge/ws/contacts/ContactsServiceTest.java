package io.crmbridge.ws.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.Role;
import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.backend.exchange.sync.ContactSyncSettings;
import io.crmbridge.backend.exchange.sync.MailboxTarget;
import io.crmbridge.backend.exchange.sync.TargetMode;
import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import io.crmbridge.fixtures.exchange.Fault;
import io.crmbridge.fixtures.exchange.FakeExchange;
import io.crmbridge.ws.contacts.v1.ContactsPort;
import io.crmbridge.ws.contacts.v1.ContactsService;
import io.crmbridge.ws.contacts.v1.GetSyncStatus;
import io.crmbridge.ws.contacts.v1.GetSyncStatusResponse;
import io.crmbridge.ws.contacts.v1.ServiceFault;
import io.crmbridge.ws.contacts.v1.SyncContacts;
import io.crmbridge.ws.records.v1.CrmRecord;
import io.crmbridge.ws.records.v1.RecordType;
import io.crmbridge.ws.records.v1.RecordsPort;
import io.crmbridge.ws.records.v1.RecordsService;
import io.crmbridge.ws.records.v1.UpsertRecords;
import io.crmbridge.ws.server.CrmBridgeServer;
import io.crmbridge.ws.server.ServerSettings;
import jakarta.xml.ws.BindingProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /services/contacts} with records upserted through {@code /services/records}, pushed to an emulated Exchange. */
class ContactsServiceTest {

    private static final String PASSWORD = "s3cret-Pässword";

    @TempDir
    Path dir;
    private FakeExchange exchange;
    private CrmBackend backend;
    private ContactSync sync;
    private CrmBridgeServer server;

    @BeforeEach
    void start() {
        exchange = FakeExchange.start().user("svc", "pw").folder("jdoe", "Kontakte").folder("ayşe", "Kişiler");
        backend = CrmBackend.start(BackendSettings.embedded(dir));
        backend.apiUsers().add("integrator", Role.INTEGRATOR, PASSWORD.toCharArray());
        backend.apiUsers().add("agent", Role.AGENT, PASSWORD.toCharArray());
    }

    /** Starts the sync (to both mailboxes, by {@code mode}) and the server. */
    private void serve(TargetMode mode) {
        sync = backend.contactSync(ContactSyncSettings.allContactsTo(
                Map.of("main", WebDavSettings.of(exchange.baseUri(), "svc", "pw")),
                List.of(new MailboxTarget("main", "jdoe", "Kontakte"), new MailboxTarget("main", "ayşe", "Kişiler")))
                .withMode(mode).withPollInterval(Duration.ofMillis(20)));
        sync.start();
        server = CrmBridgeServer.start(ServerSettings.loopback(0), backend, Optional.of(sync));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (sync != null) {
            sync.close();
        }
        backend.close();
        exchange.close();
    }

    @Test
    void upsertedContactsArePushedAndTheStatusShowsThemAndTheFailures() throws Exception {
        serve(TargetMode.ALL);
        exchange.inject(Fault.forbidden().onPathContaining("/ayşe/"));
        CrmRecord ann = new CrmRecord();
        ann.setType(RecordType.CONTACT);
        ann.setFirstName("Ann");
        ann.setLastName("Lee & Co <Ltd>");
        ann.getEmail().add("ann@example.com");
        UpsertRecords upsert = new UpsertRecords();
        upsert.getRecord().add(ann);

        String id = port(RecordsService::new, RecordsService::getRecordsPort, "records", "integrator")
                .upsertRecords(upsert).getResult().get(0).getId();

        awaitItems(1);
        assertThat(exchange.item("jdoe", "Kontakte", "Customer-" + id + ".EML").orElseThrow().contact("sn"))
                .contains("Lee & Co <Ltd>");
        GetSyncStatusResponse status = awaitStatus(s -> !s.getProblem().isEmpty());
        assertThat(status.getMailbox()).extracting(m -> m.getMailbox() + ":" + m.getSynced() + "/" + m.getFailed())
                .containsExactlyInAnyOrder("jdoe:1/0", "ayşe:0/1");
        assertThat(status.getProblem()).singleElement().satisfies(p -> {
            assertThat(p.getRecordId()).isEqualTo(id);
            assertThat(p.getCode()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void inOwnerModeAnUpsertedContactGoesToItsOwnersMailboxAndMovesWithItsOwner() throws Exception {
        serve(TargetMode.OWNER);
        RecordsPort records = port(RecordsService::new, RecordsService::getRecordsPort, "records", "integrator");
        CrmRecord ann = new CrmRecord();
        ann.setType(RecordType.CONTACT);
        ann.setFirstName("Ann");
        ann.setLastName("Lee");
        ann.setOwner("AYŞE");
        UpsertRecords upsert = new UpsertRecords();
        upsert.getRecord().add(ann);

        String id = records.upsertRecords(upsert).getResult().get(0).getId();
        String item = "Customer-" + id + ".EML";

        await(() -> exchange.item("ayşe", "Kişiler", item).isPresent());
        assertThat(exchange.items("jdoe", "Kontakte")).isEmpty();

        ann.setId(id);
        ann.setOwner("jdoe");
        records.upsertRecords(upsert);

        awaitItems(1);
        await(() -> exchange.items("ayşe", "Kişiler").isEmpty());
        assertThat(exchange.item("jdoe", "Kontakte", item)).isPresent();
    }

    @Test
    void syncContactsQueuesEveryChangedContactAndRefusesUnknownMailboxes() throws Exception {
        serve(TargetMode.ALL);
        backend.records().upsert(List.of(io.crmbridge.backend.record.RecordInput.named(
                io.crmbridge.backend.record.RecordType.CONTACT, "", "Front Desk", "desk@example.com")));
        ContactsPort contacts = port(ContactsService::new, ContactsService::getContactsPort, "contacts", "integrator");

        assertThat(contacts.syncContacts(new SyncContacts()).getQueued()).isEqualTo(2);
        awaitItems(1);
        assertThat(contacts.syncContacts(new SyncContacts()).getQueued()).as("nothing changed").isZero();

        SyncContacts unknown = new SyncContacts();
        unknown.setMailbox("nobody");
        assertThatThrownBy(() -> contacts.syncContacts(unknown)).isInstanceOfSatisfying(ServiceFault.class,
                f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("INVALID_REQUEST"));
        assertThatThrownBy(() -> port(ContactsService::new, ContactsService::getContactsPort, "contacts", "agent")
                .getSyncStatus(new GetSyncStatus())).hasStackTraceContaining("403");
    }

    private GetSyncStatusResponse awaitStatus(java.util.function.Predicate<GetSyncStatusResponse> condition)
            throws Exception {
        ContactsPort contacts = port(ContactsService::new, ContactsService::getContactsPort, "contacts", "integrator");
        long deadline = System.nanoTime() + 10_000_000_000L;
        GetSyncStatusResponse status = contacts.getSyncStatus(new GetSyncStatus());
        while (!condition.test(status) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = contacts.getSyncStatus(new GetSyncStatus());
        }
        return status;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private void awaitItems(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (exchange.items("jdoe", "Kontakte").size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(exchange.items("jdoe", "Kontakte")).hasSize(count);
    }

    private <S, P> P port(java.util.function.Supplier<S> service, java.util.function.Function<S, P> getPort,
                          String path, String user) {
        P port = getPort.apply(service.get());
        BindingProvider provider = (BindingProvider) port;
        provider.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, server.serviceUri(path).toString());
        provider.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, user);
        provider.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, PASSWORD);
        return port;
    }
}
