package io.crmbridge.backend.exchange.webdav;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Exchange 2003/2007 server over WebDAV.
 *
 * @param server          the server's root, e.g. {@code https://mail.example.com}
 * @param username        the service account (DOMAIN&#92;user for Basic; the bare user for NTLM)
 * @param password        its password; never logged
 * @param authentication  Basic (sent with the first request) or NTLM (negotiated per connection)
 * @param ntlmDomain      the Windows domain for NTLM, "" otherwise
 * @param itemNames       how a contact's item name derives from its CRM id
 * @param connectTimeout  to open a connection
 * @param responseTimeout to wait for an answer once a request is sent
 * @param maxConnections  connections kept to the server, which also bounds the requests in flight
 * @param trustStore      the CA certificates to trust instead of the JVM's, for a private CA; TLS is
 *                        verified either way (there is deliberately no way to switch it off)
 */
public record WebDavSettings(URI server, String username, String password, Authentication authentication,
                             String ntlmDomain, ItemNameTemplate itemNames, Duration connectTimeout,
                             Duration responseTimeout, int maxConnections, Optional<TrustStore> trustStore) {

    /** How the adapter proves who it is. */
    public enum Authentication {
        BASIC,
        NTLM
    }

    /**
     * A trust store file.
     *
     * @param path     a PKCS12 or JKS file
     * @param type     {@code PKCS12} or {@code JKS}
     * @param password its password, "" for none
     */
    public record TrustStore(Path path, String type, String password) {
        public TrustStore {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "TrustStore[" + path + ", " + type + "]";
        }
    }

    public WebDavSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(ntlmDomain, "ntlmDomain");
        Objects.requireNonNull(itemNames, "itemNames");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(trustStore, "trustStore");
        if (!"https".equalsIgnoreCase(server.getScheme()) && !"http".equalsIgnoreCase(server.getScheme())) {
            throw new IllegalArgumentException("Exchange server must be an http(s) URL: " + server);
        }
        if (server.getHost() == null) {
            throw new IllegalArgumentException("Exchange server URL has no host: " + server);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
    }

    /** Basic authentication, the default item names, 10 s to connect, 60 s for an answer, 8 connections. */
    public static WebDavSettings of(URI server, String username, String password) {
        return new WebDavSettings(server, username, password, Authentication.BASIC, "", ItemNameTemplate.DEFAULT,
                Duration.ofSeconds(10), Duration.ofSeconds(60), 8, Optional.empty());
    }

    public WebDavSettings withNtlm(String domain) {
        return new WebDavSettings(server, username, password, Authentication.NTLM, domain, itemNames,
                connectTimeout, responseTimeout, maxConnections, trustStore);
    }

    public WebDavSettings withItemNames(ItemNameTemplate template) {
        return new WebDavSettings(server, username, password, authentication, ntlmDomain, template,
                connectTimeout, responseTimeout, maxConnections, trustStore);
    }

    public WebDavSettings withTimeouts(Duration connect, Duration response) {
        return new WebDavSettings(server, username, password, authentication, ntlmDomain, itemNames,
                connect, response, maxConnections, trustStore);
    }

    public WebDavSettings withMaxConnections(int connections) {
        return new WebDavSettings(server, username, password, authentication, ntlmDomain, itemNames,
                connectTimeout, responseTimeout, connections, trustStore);
    }

    public WebDavSettings withTrustStore(TrustStore store) {
        return new WebDavSettings(server, username, password, authentication, ntlmDomain, itemNames,
                connectTimeout, responseTimeout, maxConnections, Optional.of(store));
    }

    @Override
    public String toString() {
        return "WebDavSettings[server=" + server + ", username=" + username + ", authentication=" + authentication
                + ", itemNames=" + itemNames.pattern() + ", maxConnections=" + maxConnections + ", trustStore="
                + trustStore + "]";
    }
}
