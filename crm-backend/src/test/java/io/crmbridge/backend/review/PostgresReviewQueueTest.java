package io.crmbridge.backend.review;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresReviewQueueTest extends ReviewQueueContract {
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
