package io.crmbridge.backend.intake;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresMailIntakeTest extends MailIntakeContract {
    @RegisterExtension
    static final TestStores.PostgresSchema SCHEMA = TestStores.postgres();

    @Override
    protected BackendSettings settings() {
        return SCHEMA.settings();
    }
}
