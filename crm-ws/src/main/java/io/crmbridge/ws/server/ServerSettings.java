package io.crmbridge.ws.server;

import io.crmbridge.ws.config.CrmBridgeConfig;
import io.crmbridge.ws.config.CrmBridgeConfig.ConfigKey;
import java.nio.file.Path;
import java.util.Optional;

/** Where and how the front end listens. */
public record ServerSettings(String host, int port, Optional<Tls> tls, int maxBatch) {

    /** The key store holding the server's certificate; its presence switches the listener to HTTPS. */
    public record Tls(Path keystore, String password, String type) {
        @Override
        public String toString() {
            return "Tls[" + keystore + ", " + type + "]";
        }
    }

    public static ServerSettings from(CrmBridgeConfig config) {
        Optional<Tls> tls = config.optional(ConfigKey.TLS_KEYSTORE)
                .map(path -> new Tls(Path.of(path), config.text(ConfigKey.TLS_KEYSTORE_PASSWORD), config.text(ConfigKey.TLS_KEYSTORE_TYPE)));
        return new ServerSettings(config.text(ConfigKey.SERVER_HOST), config.number(ConfigKey.SERVER_PORT, 0, 65535), tls,
                config.number(ConfigKey.MAX_BATCH, 1, 100_000));
    }

    /** Plain HTTP on a loopback port chosen by the system: for tests and the demo. */
    public static ServerSettings loopback(int port) {
        return new ServerSettings("127.0.0.1", port, Optional.empty(), 1000);
    }
}
