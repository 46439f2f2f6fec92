package io.crmbridge.backend.exchange.sync;

import static io.crmbridge.backend.exchange.sync.SyncFixture.AYSE;
import static io.crmbridge.backend.exchange.sync.SyncFixture.JDOE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mode OWNER: each contact goes to its owner's mailbox only, and moves when the owner changes. */
class OwnerModeTest {

    @TempDir
    Path dir;
    private SyncFixture fx;

    @BeforeEach
    void start() {
        fx = new SyncFixture(dir, settings -> settings.withMode(TargetMode.OWNER));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void eachContactGoesToItsOwnersMailbox() {
        fx.crm.put("c1", TestContacts.person(1), "jdoe").put("c2", TestContacts.person(2), "AYŞE")
                .put("c3", TestContacts.person(3), "").put("c4", TestContacts.person(4), "someone-else");

        SyncSummary summary = fx.fullSync();

        assertThat(summary.created()).isEqualTo(2);
        assertThat(fx.items(JDOE)).extracting(i -> i.name()).containsExactly("Customer-c1.EML");
        assertThat(fx.items(AYSE)).extracting(i -> i.name()).containsExactly("Customer-c2.EML");
    }

    @Test
    void aNewOwnerMovesTheContact() {
        fx.crm.put("c1", TestContacts.person(1), "jdoe");
        fx.fullSync();

        fx.crm.put("c1", TestContacts.person(1), "ayşe");
        // The workers, running since the first sync, may push before syncAll starts counting: check the result.
        assertThat(fx.sync.enqueueChanged(List.of("c1"))).isEqualTo(2);
        SyncSummary summary = fx.sync.syncAll(Optional.empty(), false, java.time.Duration.ofSeconds(30));

        assertThat(summary.pending()).isZero();
        assertThat(fx.items(JDOE)).isEmpty();
        assertThat(fx.items(AYSE)).hasSize(1);
    }
}
