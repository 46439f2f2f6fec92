package io.crmbridge.backend.exchange.sync;

import static io.crmbridge.backend.exchange.sync.SyncFixture.JDOE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.backend.TestStores;
import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.fixtures.exchange.Fault;
import io.crmbridge.fixtures.exchange.PropName;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same outbox on PostgreSQL (skipped, with the reason, when the server at 127.0.0.1:5432 is not there). */
class PostgresContactSyncTest {

    @RegisterExtension
    static final TestStores.PostgresSchema SCHEMA = TestStores.postgres();
    private SyncFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void syncsChangesDeletesConflictsAndRetriesOnPostgres() {
        fx = new SyncFixture(SCHEMA.settings(), settings -> settings);
        IntStream.rangeClosed(1, 200).forEach(n -> fx.crm.put(TestContacts.id(n), TestContacts.person(n)));
        fx.exchange.inject(Fault.dropAfterApplying().onMethod("PROPPATCH").everyNth(17).times(5));

        assertThat(fx.fullSync()).isEqualTo(new SyncSummary(400, 0, 0, 0, 0, 0, 0));

        fx.exchange.editAsOutlookUser("jdoe", "Kontakte", "Customer-" + TestContacts.id(1) + ".EML",
                PropName.contacts("title"), "edited");
        fx.crm.put(TestContacts.id(1), ContactFields.builder().surname("Changed").build());
        fx.crm.remove(TestContacts.id(2));
        fx.exchange.clearRequests();

        SyncSummary second = fx.fullSync();

        assertThat(second).isEqualTo(new SyncSummary(0, 2, 396, 2, 1, 0, 0));
        assertThat(fx.item(JDOE, TestContacts.id(1)).orElseThrow().contact("sn")).contains("Changed");
        assertThat(fx.item(JDOE, TestContacts.id(2))).isEmpty();
        assertThat(fx.sync.conflicts(Optional.empty(), 5)).singleElement()
                .satisfies(c -> assertThat(c.inExchange().orElseThrow().jobTitle()).isEqualTo("edited"));
        assertThat(fx.fullSync().unchanged()).isEqualTo(398);
    }
}
