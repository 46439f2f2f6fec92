package io.crmbridge.backend.recording;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresRecordingTest extends RecordingContract {
    @RegisterExtension
    static final TestStores.PostgresSchema SCHEMA = TestStores.postgres();

    @Override
    protected BackendSettings settings() {
        return SCHEMA.settings();
    }
}
