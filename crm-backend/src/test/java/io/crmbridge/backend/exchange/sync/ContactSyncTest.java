package io.crmbridge.backend.exchange.sync;

import static io.crmbridge.backend.exchange.sync.SyncFixture.AYSE;
import static io.crmbridge.backend.exchange.sync.SyncFixture.JDOE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.fixtures.exchange.PropName;
import io.crmbridge.fixtures.exchange.RecordedRequest;
import io.crmbridge.fixtures.exchange.StoredItem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ContactSyncTest {

    private static final Logger LOG = LoggerFactory.getLogger(ContactSyncTest.class);
    private static final int CONTACTS = 3000;

    @TempDir
    Path dir;
    private SyncFixture fx;

    @BeforeEach
    void start() {
        fx = new SyncFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aFullSyncOfThousandsThenTenChangesAndFiveDeletesTouchExactlyThoseFifteen() {
        IntStream.rangeClosed(1, CONTACTS).forEach(n -> fx.crm.put(TestContacts.id(n), TestContacts.person(n)));

        long start = System.nanoTime();
        SyncSummary first = fx.fullSync();
        long firstMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(first).isEqualTo(new SyncSummary(2 * CONTACTS, 0, 0, 0, 0, 0, 0));
        assertThat(fx.items(JDOE)).hasSize(CONTACTS);
        assertThat(fx.items(AYSE)).hasSize(CONTACTS);
        assertThat(fx.exchange.requests()).hasSize(2 * CONTACTS).allMatch(r -> r.method().equals("PROPPATCH"));
        LOG.info("Full sync of {} contacts to 2 mailboxes: {} ms, {} requests", CONTACTS, firstMillis,
                fx.exchange.requests().size());

        fx.exchange.clearRequests();
        List<Integer> changed = List.of(3, 150, 151, 999, 1000, 1500, 2001, 2500, 2999, 3000);
        List<Integer> deleted = List.of(1, 77, 1234, 2222, 2998);
        changed.forEach(n -> fx.crm.put(TestContacts.id(n), ContactFields.builder().givenName("Given" + n)
                .surname("Changed" + n).email("p" + n + "@example.com").build()));
        deleted.forEach(n -> fx.crm.remove(TestContacts.id(n)));

        start = System.nanoTime();
        SyncSummary second = fx.fullSync();
        long secondMillis = (System.nanoTime() - start) / 1_000_000;

        int untouched = CONTACTS - changed.size() - deleted.size();
        assertThat(second).isEqualTo(new SyncSummary(0, 2 * changed.size(), 2 * untouched, 2 * deleted.size(), 0, 0, 0));
        Set<String> expected = new HashSet<>();
        changed.forEach(n -> expected.add("Customer-" + TestContacts.id(n) + ".EML"));
        deleted.forEach(n -> expected.add("Customer-" + TestContacts.id(n) + ".EML"));
        Map<String, Set<String>> touched = fx.exchange.requests().stream().collect(Collectors.groupingBy(
                r -> r.path().split("/")[2], Collectors.mapping(RecordedRequest::lastSegment, Collectors.toSet())));
        assertThat(touched).containsOnlyKeys("jdoe", "ayşe");
        assertThat(touched.get("jdoe")).isEqualTo(expected);
        assertThat(touched.get("ayşe")).isEqualTo(expected);
        assertThat(fx.exchange.requests(r -> r.method().equals("PROPPATCH"))).hasSize(2 * changed.size());
        assertThat(fx.exchange.requests(r -> r.method().equals("DELETE"))).hasSize(2 * deleted.size());
        assertThat(fx.items(JDOE)).hasSize(CONTACTS - deleted.size());
        assertThat(fx.item(AYSE, TestContacts.id(999)).orElseThrow().contact("sn")).contains("Changed999");
        assertThat(fx.item(AYSE, TestContacts.id(999)).orElseThrow().contact("o")).isEmpty();
        LOG.info("Re-sync after 10 changes and 5 deletes: {} ms, {} requests", secondMillis,
                fx.exchange.requests().size());

        fx.exchange.clearRequests();
        SyncSummary third = fx.fullSync();

        assertThat(third).isEqualTo(new SyncSummary(0, 0, 2 * (CONTACTS - deleted.size()), 0, 0, 0, 0));
        assertThat(fx.exchange.requests()).isEmpty();
    }

    @Test
    void specialCharactersAndEmptyFieldsRoundTripIntoALocalizedFolder() {
        ContactFields tricky = ContactFields.builder().givenName("Ayşe \"Ace\"").surname("Ağaoğlu")
                .company("Ağaoğlu & Sons <Ltd>").jobTitle("R&D < > ' \" ]]>").email("ayse@agaoglu.example")
                .street("İstiklal Cd. 1\nKat 3").city("İstanbul").notes("€ ✓ 日本語 🙂").middleName("").build();
        fx.crm.put("a&b+c:d;e~f*g", tricky);

        assertThat(fx.fullSync().created()).isEqualTo(2);

        StoredItem item = fx.exchange.item("ayşe", "Kişiler", "Customer-a&b+c:d;e~f*g.EML").orElseThrow();
        assertThat(item.contact("o")).contains("Ağaoğlu & Sons <Ltd>");
        assertThat(item.contact("title")).contains("R&D < > ' \" ]]>");
        assertThat(item.contact("cn")).contains("Ayşe \"Ace\" Ağaoğlu");
        assertThat(item.contact("email1")).contains("\"Ayşe \\\"Ace\\\" Ağaoğlu\" <ayse@agaoglu.example>");
        assertThat(item.contact("street")).contains("İstiklal Cd. 1\nKat 3");
        assertThat(item.property(PropName.httpmail("textdescription"))).contains("€ ✓ 日本語 🙂");
        assertThat(item.contact("middlename")).isEmpty();
        assertThat(fx.exchange.requests(r -> r.path().startsWith("/exchange/ayşe/"))).singleElement()
                .satisfies(r -> assertThat(r.rawPath())
                        .isEqualTo("/exchange/ay%C5%9Fe/Ki%C5%9Filer/Customer-a%26b%2Bc%3Ad%3Be%7Ef%2Ag.EML"));

        // Read back through PROPFIND, the tricky values hash the same as what was pushed: no false conflict.
        fx.crm.put("a&b+c:d;e~f*g", ContactFields.builder().givenName("Ayşe \"Ace\"").surname("Ağaoğlu")
                .company("Ağaoğlu & Sons <Ltd>").jobTitle("").email("ayse@agaoglu.example").city("İstanbul")
                .notes("€ ✓ 日本語 🙂").build());
        SyncSummary update = fx.fullSync();

        assertThat(update.updated()).isEqualTo(2);
        assertThat(update.conflicts()).isZero();
        assertThat(fx.exchange.item("jdoe", "Kontakte", "Customer-a&b+c:d;e~f*g.EML").orElseThrow().contact("title"))
                .isEmpty();
    }

    @Test
    void enqueuedChangesArePushedByTheBackgroundWorkers() throws InterruptedException {
        fx.crm.put("k1", TestContacts.person(1)).put("k2", TestContacts.person(2));
        fx.sync.start();

        assertThat(fx.sync.enqueueChanged(List.of("k1", "k2", "unknown"))).isEqualTo(4);
        awaitItems(2);
        assertThat(fx.sync.enqueueChanged(List.of("k1"))).as("unchanged content queues nothing").isZero();

        fx.crm.remove("k2");
        assertThat(fx.sync.enqueueChanged(List.of("k2"))).isEqualTo(2);
        awaitItems(1);

        assertThat(fx.sync.status(java.util.Optional.empty()).mailboxes())
                .extracting(SyncStatus.MailboxStatus::mailbox, SyncStatus.MailboxStatus::synced)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("jdoe", 1L),
                        org.assertj.core.groups.Tuple.tuple("ayşe", 1L));
    }

    private void awaitItems(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (fx.items(JDOE).size() == count && fx.items(AYSE).size() == count
                    && fx.sync.status(java.util.Optional.empty()).mailboxes().stream().allMatch(m -> m.pending() == 0)) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(fx.items(JDOE)).hasSize(count);
    }
}
