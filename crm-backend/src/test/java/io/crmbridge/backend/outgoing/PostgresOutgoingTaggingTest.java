package io.crmbridge.backend.outgoing;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresOutgoingTaggingTest extends OutgoingTaggingContract {
    private static TestStores.PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = TestStores.postgres();
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    protected BackendSettings settings() {
        return schema.settings();
    }
}
