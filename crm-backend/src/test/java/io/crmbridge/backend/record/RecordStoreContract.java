package io.crmbridge.backend.record;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the record store promises on every database: upserts one by one, CSV rows one by one, parents anywhere. */
abstract class RecordStoreContract {
    protected abstract BackendSettings settings();

    private CrmBackend backend;
    private RecordStore records;

    @BeforeEach
    void start() {
        backend = CrmBackend.start(settings().withWorkers(0));
        records = backend.records();
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private static RecordInput person(RecordType type, String id, String first, String middle, String last, List<String> emails,
                                      String parent) {
        return new RecordInput(type, Optional.of(id).filter(s -> !s.isEmpty()), "", first, middle, last, emails, "Acme", "Buyer",
                "+1 555 0100", "", "", "1 Main St", "Springfield", "IL", "62701", "US", "likes tea",
                Optional.of(parent).filter(s -> !s.isEmpty()), "");
    }

    @Test
    void createsWithAGeneratedIdDerivesTheNameAndNormalizesEmails() {
        List<UpsertOutcome> out = records.upsert(List.of(person(RecordType.CONTACT, "", "Ann", "B.", "Smith",
                List.of(" Ann.Smith@Client.Example ", "ann.smith@client.example", "ann@home.example"), "")));

        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(UpsertStatus.CREATED);
            assertThat(o.index()).isZero();
            assertThat(o.faultCode()).isEmpty();
        });
        CrmRecord stored = records.find(out.get(0).id().orElseThrow()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Ann B. Smith");
        assertThat(stored.emails()).containsExactly("ann.smith@client.example", "ann@home.example");
        assertThat(stored.type()).isEqualTo(RecordType.CONTACT);
        assertThat(stored.state()).isEqualTo("IL");
        assertThat(stored.notes()).isEqualTo("likes tea");
        assertThat(stored.parentId()).isEmpty();
    }

    @Test
    void updatesByGuidReplacingTheEmailsAndAcceptsBraces() {
        UUID id = UUID.randomUUID();
        records.upsert(List.of(RecordInput.named(RecordType.ACCOUNT, id.toString(), "Acme", "info@acme.example")));

        List<UpsertOutcome> out = records.upsert(List.of(RecordInput.named(RecordType.ACCOUNT, "{" + id.toString().toUpperCase() + "}",
                "Acme Inc.", "sales@acme.example")));

        assertThat(out.get(0).status()).isEqualTo(UpsertStatus.UPDATED);
        assertThat(out.get(0).id()).contains(id);
        CrmRecord stored = records.find(id).orElseThrow();
        assertThat(stored.name()).isEqualTo("Acme Inc.");
        assertThat(stored.emails()).containsExactly("sales@acme.example");
    }

    @Test
    void rejectsBadRecordsWithReasonsAndStoresTheOthers() {
        UUID account = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        records.upsert(List.of(RecordInput.named(RecordType.CONTACT, contact.toString(), "Known contact")));

        List<UpsertOutcome> out = records.upsert(List.of(
                RecordInput.named(RecordType.ACCOUNT, account.toString(), "Good account"),
                RecordInput.named(RecordType.LEAD, "not-a-guid", "Bad id"),
                RecordInput.named(RecordType.LEAD, "", "Bad mail", "no-at-sign"),
                person(RecordType.CONTACT, "", "Orphan", "", "", List.of(), UUID.randomUUID().toString()),
                RecordInput.named(RecordType.OPPORTUNITY, "", ""),
                RecordInput.named(RecordType.LEAD, contact.toString(), "Wrong type"),
                person(RecordType.CONTACT, "", "Child", "", "", List.of(), account.toString())));

        assertThat(out).extracting(UpsertOutcome::status).containsExactly(UpsertStatus.CREATED, UpsertStatus.REJECTED,
                UpsertStatus.REJECTED, UpsertStatus.REJECTED, UpsertStatus.REJECTED, UpsertStatus.REJECTED, UpsertStatus.CREATED);
        assertThat(out.get(1).faultCode()).contains(UpsertOutcome.INVALID_RECORD);
        assertThat(out.get(1).reason().orElseThrow()).contains("'not-a-guid' is not a GUID");
        assertThat(out.get(2).reason().orElseThrow()).contains("'no-at-sign' is not an email address");
        assertThat(out.get(3).reason().orElseThrow()).contains("parent").contains("does not exist");
        assertThat(out.get(4).reason().orElseThrow()).contains("needs a name");
        assertThat(out.get(5).reason().orElseThrow()).contains("is a contact, not a lead");
        assertThat(records.find(out.get(6).id().orElseThrow()).orElseThrow().parentId()).contains(account);
        assertThat(records.find(contact).orElseThrow().name()).isEqualTo("Known contact");
    }

    @Test
    void importsCsvReportingBadRowsByLineAndResolvingParentsFromLaterRows() {
        UUID account = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID deal = UUID.randomUUID();
        String csv = String.join("\n",
                "type,id,name,first_name,middle_name,last_name,email,company,title,phone,fax,mobile,street,city,state,postal_code,country,notes,parent_id,owner",
                "contact," + contact + ",,Ann,,Smith,ann@client.example;ANN@home.example,Client Ltd,CFO,,,,,,,,,\"Met at the fair,\nlikes tea\"," + account + ",jdoe",
                "lead,,Bob Lead,,,,not-an-address,,,,,,,,,,,,",
                "planet,,Mars,,,,,,,,,,,,,,,,",
                "opportunity," + deal + ",Big deal,,,,,,,,,,,,,,,," + UUID.randomUUID(),
                "",
                "account," + account + ",Client Ltd,,,,info@client.example,,,,,,,,,,,,",
                "case,,Broken widget,,,,,,,,,,,,,,,," + account);

        CsvImportReport report = records.importCsv(new StringReader(csv));

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.updated()).isZero();
        assertThat(report.errors()).extracting(CsvRowError::line).containsExactly(4L, 5L, 6L);
        assertThat(report.errors().get(0).reason()).contains("'not-an-address' is not an email address");
        assertThat(report.errors().get(1).reason()).contains("unknown type 'planet'");
        assertThat(report.errors().get(2).reason()).contains("parent");
        CrmRecord ann = records.find(contact).orElseThrow();
        assertThat(ann.name()).isEqualTo("Ann Smith");
        assertThat(ann.parentId()).contains(account);
        assertThat(ann.emails()).containsExactly("ann@client.example", "ann@home.example");
        assertThat(ann.notes()).isEqualTo("Met at the fair,\nlikes tea");
        assertThat(ann.owner()).isEqualTo("jdoe");
        assertThat(records.find(deal)).isEmpty();

        CsvImportReport again = records.importCsv(new StringReader(csv));
        assertThat(again.created()).isEqualTo(1);
        assertThat(again.updated()).isEqualTo(2);
    }

    @Test
    void keepsTheOwnersMailboxAndReplacesItLikeEveryOtherField() {
        UUID id = UUID.randomUUID();
        RecordInput ann = person(RecordType.CONTACT, id.toString(), "Ann", "", "Lee", List.of(), "");

        assertThat(records.upsert(List.of(ann.withOwner(" Ayşe "))).get(0).status()).isEqualTo(UpsertStatus.CREATED);
        assertThat(records.find(id).orElseThrow().owner()).isEqualTo("Ayşe");

        records.upsert(List.of(ann));
        assertThat(records.find(id).orElseThrow().owner()).as("an upsert without an owner").isEmpty();

        List<UpsertOutcome> tooLong = records.upsert(List.of(ann.withOwner("x".repeat(321))));
        assertThat(tooLong.get(0).status()).isEqualTo(UpsertStatus.REJECTED);
        assertThat(tooLong.get(0).reason().orElseThrow()).contains("owner is longer than 320 characters");
        assertThat(records.upsert(List.of(ann.withOwner("x".repeat(320)))).get(0).status()).isEqualTo(UpsertStatus.UPDATED);
    }

    @Test
    void importsTheOwnerColumnAndAFileWithoutItLeavesRecordsWithoutOwner() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();

        CsvImportReport withOwners = records.importCsv(new StringReader("type,id,name,owner\n"
                + "contact," + ann + ",Ann Lee, jdoe \n"
                + "contact," + bob + ",Bob Roe,\n"));

        assertThat(withOwners.errors()).isEmpty();
        assertThat(records.find(ann).orElseThrow().owner()).isEqualTo("jdoe");
        assertThat(records.find(bob).orElseThrow().owner()).isEmpty();

        CsvImportReport without = records.importCsv(new StringReader("type,id,name\ncontact," + ann + ",Ann Lee\n"));

        assertThat(without.updated()).isEqualTo(1);
        assertThat(records.find(ann).orElseThrow().owner()).isEmpty();
    }

    @Test
    void refusesACsvWithoutATypeColumnOrWithUnknownColumns() {
        assertThatThrownBy(() -> records.importCsv(new StringReader("id,name\n,x\n")))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo(BackendException.INVALID_REQUEST))
                .hasMessageContaining("'type'");
        assertThatThrownBy(() -> records.importCsv(new StringReader("type,name,colour\naccount,x,red\n")))
                .hasMessageContaining("unknown CSV columns [colour]").hasMessageContaining("parent_id,owner");
    }
}
