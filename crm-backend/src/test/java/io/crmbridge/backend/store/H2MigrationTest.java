package io.crmbridge.backend.store;

import db.migration.common.V8__Foreign_keys_on_their_indexes;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.TestStores;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class H2MigrationTest extends MigrationContract {
    @TempDir
    Path dir;

    @Override
    protected BackendSettings settings() {
        return TestStores.h2(dir);
    }

    @Test
    void eachKeyOfAPartyOrAttachmentHasOneIndexEvenWhenTheMigrationRunsAgainOrWasCutOff() throws Exception {
        BackendSettings s = settings();
        try (CrmBackend b = CrmBackend.start(s)) {
            assertThat(b.health().up()).isTrue();
        }
        List<String> before = indexes(s);
        assertThat(before).containsOnlyOnce("ACTIVITY_PARTIES(ACTIVITY_ID)", "ACTIVITY_PARTIES(MATCHED_RECORD_ID)",
                "ACTIVITY_ATTACHMENTS(ACTIVITY_ID)");

        migrateAgain(s);
        assertThat(indexes(s)).as("a second run changes nothing").isEqualTo(before);

        Sql.update(s, "ALTER TABLE activity_parties DROP CONSTRAINT activity_parties_activity_id_fk");
        migrateAgain(s);
        assertThat(Sql.count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'FOREIGN KEY' "
                + "AND CONSTRAINT_NAME = 'ACTIVITY_PARTIES_ACTIVITY_ID_FK'")).as("a key lost half way is added").isEqualTo(1);
        assertThat(indexes(s)).isEqualTo(before);
    }

    // "TABLE(COLUMN,..)" for each index of the activities' tables
    private static List<String> indexes(BackendSettings s) {
        return Sql.rows(s, """
                        SELECT TABLE_NAME || '(' || LISTAGG(COLUMN_NAME, ',') WITHIN GROUP (ORDER BY ORDINAL_POSITION) || ')' AS i
                        FROM INFORMATION_SCHEMA.INDEX_COLUMNS
                        WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME IN ('ACTIVITY_PARTIES', 'ACTIVITY_ATTACHMENTS')
                        GROUP BY TABLE_NAME, INDEX_NAME ORDER BY 1""")
                .stream().map(r -> (String) r.get("i")).toList();
    }

    private static void migrateAgain(BackendSettings s) throws Exception {
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password())) {
            new V8__Foreign_keys_on_their_indexes().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
        }
    }
}
