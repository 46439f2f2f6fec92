package io.crmbridge.backend.sending;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2MailSendingTest extends MailSendingContract {
    @TempDir
    static Path dir;

    @Override
    protected BackendSettings settings() {
        return TestStores.h2(dir);
    }
}
