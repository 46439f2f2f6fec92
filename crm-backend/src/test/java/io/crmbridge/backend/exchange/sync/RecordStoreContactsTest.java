package io.crmbridge.backend.exchange.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordStore;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.record.UpsertOutcome;
import io.crmbridge.backend.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRM's contacts read from the real record store, in pages, mapped to Exchange fields, with their owners. */
class RecordStoreContactsTest {

    @TempDir
    Path dir;
    private Database db;
    private RecordStore records;
    private RecordStoreContacts contacts;

    @BeforeEach
    void open() {
        BackendSettings store = TestStores.h2(dir);
        db = Database.open(store.jdbcUrl(), store.user(), store.password(), 4);
        records = new RecordStore(db);
        contacts = new RecordStoreContacts(db, records);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pagesThroughContactsOnlyWithTheirAddressesInOrder() {
        List<RecordInput> inputs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inputs.add(new RecordInput(RecordType.CONTACT, Optional.empty(), "", "Ayşe" + i, "", "Ağaoğlu & Sons",
                    List.of("a" + i + "@example.com", "b" + i + "@example.com"), "Acme <Ltd>", "CEO", "+1", "", "",
                    "İstiklal 1", "İstanbul", "", "34430", "Türkiye", "long\nnotes", Optional.empty(), i == 0 ? "ayşe" : ""));
        }
        inputs.add(RecordInput.named(RecordType.ACCOUNT, "", "Acme"));
        List<UpsertOutcome> stored = records.upsert(inputs);
        String first = stored.get(0).id().orElseThrow().toString();

        List<SourceContact> page1 = contacts.page("", 3);
        List<SourceContact> page2 = contacts.page(page1.get(2).crmId(), 3);

        assertThat(page1).hasSize(3);
        assertThat(page2).hasSize(2);
        assertThat(contacts.page(page2.get(1).crmId(), 3)).isEmpty();
        SourceContact one = contacts.find(first).orElseThrow();
        assertThat(one.fields().displayName()).isEqualTo("Ayşe0 Ağaoğlu & Sons");
        assertThat(one.fields().emailAddresses()).containsExactly("a0@example.com", "b0@example.com");
        assertThat(one.fields().city()).isEqualTo("İstanbul");
        assertThat(one.fields().notes()).isEqualTo("long\nnotes");
        assertThat(one.ownerMailbox()).isEqualTo("ayşe");
        List<SourceContact> all = new ArrayList<>(page1);
        all.addAll(page2);
        assertThat(all).contains(one).extracting(SourceContact::crmId).doesNotHaveDuplicates();
        assertThat(all).filteredOn(c -> !c.crmId().equals(first)).extracting(SourceContact::ownerMailbox).containsOnly("");
        assertThat(contacts.find(stored.get(5).id().orElseThrow().toString())).as("an account").isEmpty();
        assertThat(contacts.find("not-a-guid")).isEmpty();
    }

    @Test
    void aRecordWithoutPersonNamesIsShownByItsName() {
        String id = records.upsert(List.of(RecordInput.named(RecordType.CONTACT, "", "Front Desk", "desk@example.com")))
                .get(0).id().orElseThrow().toString();

        assertThat(contacts.find(id).orElseThrow().fields().displayName()).isEqualTo("Front Desk");
        assertThat(contacts.find(id).orElseThrow().fields().fileAs()).isEqualTo("Front Desk");
    }
}
