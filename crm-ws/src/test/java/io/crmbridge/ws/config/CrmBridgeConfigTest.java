package io.crmbridge.ws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.ws.config.CrmBridgeConfig.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmBridgeConfigTest {
    @TempDir
    Path dir;

    @Test
    void environmentOverridesTheFileWhichOverridesDefaults() throws Exception {
        Path file = dir.resolve("crm-bridge.properties");
        Files.writeString(file, "server.port=9090\nworkers=4\n");
        CrmBridgeConfig config = CrmBridgeConfig.load(Optional.of(file), Map.of("CRMBRIDGE_WORKERS", "6"));

        assertThat(config.number(ConfigKey.SERVER_PORT, 0, 65535)).isEqualTo(9090);
        assertThat(config.number(ConfigKey.WORKERS, 0, 64)).isEqualTo(6);
        assertThat(config.text(ConfigKey.SERVER_HOST)).isEqualTo("0.0.0.0");
        assertThat(config.backend().workers()).isEqualTo(6);
    }

    @Test
    void aJdbcUrlSelectsThatDatabase() {
        CrmBridgeConfig config = CrmBridgeConfig.defaults()
                .with(ConfigKey.DATABASE_URL, "jdbc:postgresql://127.0.0.1:5432/test")
                .with(ConfigKey.DATABASE_USER, "postgres");
        assertThat(config.backend().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(config.backend().user()).isEqualTo("postgres");
        assertThat(CrmBridgeConfig.defaults().backend().jdbcUrl()).startsWith("jdbc:h2:");
    }

    @Test
    void badValuesAreOneReadableLine() {
        CrmBridgeConfig config = CrmBridgeConfig.defaults().with(ConfigKey.SERVER_PORT, "eighty");
        assertThatThrownBy(() -> config.number(ConfigKey.SERVER_PORT, 0, 65535))
                .isInstanceOf(ConfigException.class)
                .hasMessage("server.port must be a whole number, not 'eighty'");
        assertThatThrownBy(() -> CrmBridgeConfig.load(Optional.of(dir.resolve("missing.properties")), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void everyKeyHasItsEnvironmentVariable() {
        assertThat(ConfigKey.TLS_KEYSTORE_PASSWORD.environmentVariable()).isEqualTo("CRMBRIDGE_SERVER_TLS_KEYSTORE_PASSWORD");
        assertThat(ConfigKey.DATABASE_URL.environmentVariable()).isEqualTo("CRMBRIDGE_DATABASE_URL");
    }
}
