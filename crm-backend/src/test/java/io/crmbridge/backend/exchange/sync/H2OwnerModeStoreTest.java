package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2OwnerModeStoreTest extends OwnerModeStoreContract {
    @TempDir
    Path dir;

    @Override
    protected BackendSettings store() {
        return TestStores.h2(dir);
    }
}
