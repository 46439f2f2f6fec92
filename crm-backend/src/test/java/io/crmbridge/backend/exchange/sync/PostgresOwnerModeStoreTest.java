package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;

/** On PostgreSQL, a schema per test so that each starts with an empty store and outbox (skipped when unreachable). */
class PostgresOwnerModeStoreTest extends OwnerModeStoreContract {
    private TestStores.PostgresSchema schema;

    @Override
    protected BackendSettings store() {
        schema = TestStores.postgres();
        return schema.settings();
    }

    @Override
    protected void storeClosed() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }
}
