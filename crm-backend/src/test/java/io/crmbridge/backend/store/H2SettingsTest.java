package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store runs with the H2 settings DurableCommitTest and the report argue for. */
class H2SettingsTest {
    @TempDir
    Path dir;

    @Test
    void aFileLeftWithWriteDelayZeroGetsBackgroundWritesBack() {
        BackendSettings settings = TestStores.h2(dir);
        try (CrmBackend first = CrmBackend.start(settings)) {
            Sql.update(settings, "SET WRITE_DELAY 0");
        }

        try (CrmBackend again = CrmBackend.start(settings)) {
            assertThat(Sql.rows(settings, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"))
                    .extracting(r -> r.get("setting_value")).containsOnly("500");
        }
    }

    @Test
    void theEmbeddedUrlServesOtherProcessesAndSkipsTheCompactionOnClose() {
        assertThat(BackendSettings.embedded(dir).jdbcUrl())
                .startsWith("jdbc:h2:file:" + dir.toAbsolutePath())
                .contains(";AUTO_SERVER=TRUE").contains(";MAX_COMPACT_TIME=0").doesNotContain("WRITE_DELAY");
    }

    @Test
    void h2IsToldToKeepNoCacheOfValuesUnlessTheCommandLineSaysOtherwise() {
        try (CrmBackend b = CrmBackend.start(TestStores.h2(dir))) {
            assertThat(b.health().up()).isTrue();
        }
        // what H2 reads when it first loads; a JVM where other code loaded H2 earlier keeps H2's own default
        assertThat(System.getProperty(Database.H2_OBJECT_CACHE)).isEqualTo("false");
    }
}
