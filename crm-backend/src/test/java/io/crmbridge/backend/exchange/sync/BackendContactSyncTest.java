package io.crmbridge.backend.exchange.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.TestStores;
import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.record.UpsertOutcome;
import io.crmbridge.fixtures.exchange.FakeExchange;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The way the front end wires it: records upserted through the backend, their ids queued, pushed. */
class BackendContactSyncTest {

    @TempDir
    Path dir;

    @Test
    void upsertedContactsReachExchangeAndImportedOnesFollowAFullCompare() {
        try (FakeExchange exchange = FakeExchange.start().user("svc", "pw").folder("jdoe", "Kontakte");
             CrmBackend backend = CrmBackend.start(TestStores.h2(dir));
             ContactSync sync = backend.contactSync(ContactSyncSettings.allContactsTo(
                     Map.of("main", WebDavSettings.of(exchange.baseUri(), "svc", "pw")),
                     List.of(new MailboxTarget("main", "jdoe", "Kontakte"))).withPollInterval(Duration.ofMillis(20)))) {
            List<UpsertOutcome> outcomes = backend.records().upsert(List.of(
                    RecordInput.named(RecordType.CONTACT, "", "Ann Lee", "ann@example.com"),
                    RecordInput.named(RecordType.ACCOUNT, "", "Acme")));
            List<String> ids = outcomes.stream().map(o -> o.id().orElseThrow().toString()).toList();

            assertThat(sync.enqueueChanged(ids)).as("the account is no contact").isEqualTo(1);
            SyncSummary summary = sync.syncAll(Optional.empty(), false, Duration.ofSeconds(30));

            assertThat(summary.created()).isEqualTo(1);
            assertThat(exchange.item("jdoe", "Kontakte", "Customer-" + ids.get(0) + ".EML").orElseThrow()
                    .contact("email1")).contains("\"Ann Lee\" <ann@example.com>");

            backend.records().importCsv(new StringReader("type,name,email\ncontact,Bob Roe,bob@example.com\n"));
            assertThat(sync.enqueueAll(Optional.empty())).isEqualTo(1);
            // The workers run since the first sync and may push before this run starts counting.
            assertThat(sync.syncAll(Optional.of("jdoe"), false, Duration.ofSeconds(30)).pending()).isZero();
            assertThat(exchange.items("jdoe", "Kontakte")).hasSize(2);
        }
    }
}
