package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import org.junit.jupiter.api.AfterEach;

import java.sql.SQLException;

class PostgresMigrationTest extends MigrationContract {
    // a schema per test: each one migrates from an early version of its own
    private final TestStores.PostgresSchema schema = TestStores.postgres();

    @AfterEach
    void dropSchema() throws SQLException {
        schema.close();
    }

    @Override
    protected BackendSettings settings() {
        return schema.settings();
    }
}
