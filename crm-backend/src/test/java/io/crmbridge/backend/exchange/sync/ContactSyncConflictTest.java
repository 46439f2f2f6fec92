package io.crmbridge.backend.exchange.sync;

import static io.crmbridge.backend.exchange.sync.SyncFixture.AYSE;
import static io.crmbridge.backend.exchange.sync.SyncFixture.JDOE;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.fixtures.exchange.PropName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSyncConflictTest {

    @TempDir
    Path dir;
    private SyncFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    private void pushOneContact(ConflictPolicy policy) {
        fx = new SyncFixture(dir, settings -> settings.withConflictPolicy(policy));
        fx.crm.put("c1", ContactFields.builder().givenName("Ann").surname("Lee").jobTitle("Buyer")
                .businessPhone("+1 555 0100").build());
        fx.fullSync();
    }

    private void editInOutlook() {
        fx.exchange.editAsOutlookUser("jdoe", "Kontakte", "Customer-c1.EML", PropName.contacts("title"),
                "Head of Purchasing");
    }

    private void changeInCrm() {
        fx.crm.put("c1", ContactFields.builder().givenName("Ann").surname("Lee").jobTitle("Buyer")
                .businessPhone("+1 555 0199").build());
    }

    @Test
    void crmWinsOverwritesTheOutlookEditAndRecordsBothVersions() {
        pushOneContact(ConflictPolicy.CRM_WINS);
        editInOutlook();
        changeInCrm();

        SyncSummary summary = fx.fullSync();

        assertThat(summary.updated()).isEqualTo(2);
        assertThat(summary.conflicts()).isEqualTo(1);
        assertThat(fx.item(JDOE, "c1").orElseThrow().contact("title")).contains("Buyer");
        assertThat(fx.item(JDOE, "c1").orElseThrow().contact("telephoneNumber")).contains("+1 555 0199");
        List<SyncConflict> conflicts = fx.sync.conflicts(Optional.empty(), 10);
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.crmId()).isEqualTo("c1");
            assertThat(c.mailbox()).isEqualTo("jdoe");
            assertThat(c.resolution()).isEqualTo("OVERWRITTEN");
            assertThat(c.inExchange().orElseThrow().jobTitle()).isEqualTo("Head of Purchasing");
            assertThat(c.inCrm().orElseThrow().businessPhone()).isEqualTo("+1 555 0199");
        });
    }

    @Test
    void reportLeavesTheOutlookEditUntilTheCrmChangesAgain() {
        pushOneContact(ConflictPolicy.REPORT);
        editInOutlook();
        changeInCrm();

        SyncSummary summary = fx.fullSync();

        assertThat(summary.updated()).as("only the other mailbox").isEqualTo(1);
        assertThat(summary.conflicts()).isEqualTo(1);
        assertThat(fx.item(JDOE, "c1").orElseThrow().contact("title")).contains("Head of Purchasing");
        assertThat(fx.item(JDOE, "c1").orElseThrow().contact("telephoneNumber")).contains("+1 555 0100");
        assertThat(fx.item(AYSE, "c1").orElseThrow().contact("telephoneNumber")).contains("+1 555 0199");
        assertThat(fx.sync.conflicts(Optional.of("jdoe"), 10)).singleElement()
                .satisfies(c -> assertThat(c.resolution()).isEqualTo("LEFT"));
        assertThat(fx.sync.status(Optional.of("jdoe")).mailboxes()).singleElement()
                .satisfies(m -> assertThat(m.conflicts()).isEqualTo(1));

        fx.exchange.clearRequests();
        assertThat(fx.fullSync().unchanged()).as("left alone on a re-sync").isEqualTo(2);
        assertThat(fx.exchange.requests()).isEmpty();
    }

    @Test
    void anItemMerelyOpenedInOutlookIsNoConflict() {
        pushOneContact(ConflictPolicy.REPORT);
        fx.exchange.openAsOutlookUser("jdoe", "Kontakte", "Customer-c1.EML");
        changeInCrm();

        SyncSummary summary = fx.fullSync();

        assertThat(summary.updated()).isEqualTo(2);
        assertThat(summary.conflicts()).isZero();
        assertThat(fx.item(JDOE, "c1").orElseThrow().contact("telephoneNumber")).contains("+1 555 0199");
    }

    @Test
    void aContactDeletedInOutlookIsAConflictThatCrmWinsRecreates() {
        pushOneContact(ConflictPolicy.CRM_WINS);
        fx.exchange.deleteAsOutlookUser("jdoe", "Kontakte", "Customer-c1.EML");
        changeInCrm();

        SyncSummary summary = fx.fullSync();

        assertThat(summary.conflicts()).isEqualTo(1);
        assertThat(summary.created()).isEqualTo(1);
        assertThat(fx.item(JDOE, "c1")).isPresent();
        assertThat(fx.sync.conflicts(Optional.of("jdoe"), 10)).singleElement()
                .satisfies(c -> assertThat(c.inExchange()).isEmpty());
    }
}
