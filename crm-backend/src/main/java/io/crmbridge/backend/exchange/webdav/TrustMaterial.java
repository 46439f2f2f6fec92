package io.crmbridge.backend.exchange.webdav;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.ssl.SSLContexts;

/** The TLS context for Exchange: the JVM's trusted CAs, or those of a configured trust store. Always verifying. */
final class TrustMaterial {

    private TrustMaterial() {
    }

    static SSLContext sslContext(Optional<WebDavSettings.TrustStore> trustStore) {
        if (trustStore.isEmpty()) {
            return SSLContexts.createSystemDefault();
        }
        WebDavSettings.TrustStore store = trustStore.get();
        try (InputStream in = Files.newInputStream(store.path())) {
            KeyStore keyStore = KeyStore.getInstance(store.type());
            keyStore.load(in, store.password().toCharArray());
            // No trust strategy: certificates are checked against the store's CAs like any other.
            return SSLContexts.custom().loadTrustMaterial(keyStore, null).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the Exchange trust store " + store.path() + ": "
                    + e.getMessage(), e);
        }
    }
}
