package io.crmbridge.backend.exchange.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.backend.exchange.ContactFolder;
import io.crmbridge.backend.exchange.ExchangeContact;
import io.crmbridge.backend.exchange.ExchangeException;
import io.crmbridge.backend.exchange.UpsertOutcome;
import io.crmbridge.fixtures.exchange.FakeExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS to Exchange is always verified; a private CA is trusted through a configured trust store. */
class WebDavTlsTest {

    private static final String PASSWORD = "changeit";
    private static final ContactFolder CONTACTS = new ContactFolder("jdoe", "Contacts");
    private static final ExchangeContact CONTACT = new ExchangeContact("1", ContactFields.builder().surname("Lee").build());

    @TempDir
    static Path dir;
    private static FakeExchange exchange;
    private static WebDavSettings.TrustStore trustStore;

    @BeforeAll
    static void start() throws Exception {
        Path server = dir.resolve("server.p12");
        Path cert = dir.resolve("server.cer");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "exchange", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "exchange", "-keystore", server.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "private-ca", "-file", cert.toString(),
                "-keystore", trust.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        exchange = FakeExchange.startTls(serverContext(server)).user("svc", "pw").folder("jdoe", "Contacts");
        trustStore = new WebDavSettings.TrustStore(trust, "PKCS12", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (exchange != null) {
            exchange.close();
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedBeforeAnythingIsSent() {
        try (WebDavContactGateway gateway = new WebDavContactGateway(WebDavSettings.of(exchange.baseUri(), "svc", "pw"))) {
            assertThatThrownBy(() -> gateway.upsertContact(CONTACTS, CONTACT))
                    .isInstanceOfSatisfying(ExchangeException.class,
                            e -> assertThat(e.code()).isEqualTo(ExchangeException.Code.TLS));
        }
        assertThat(exchange.item("jdoe", "Contacts", "Customer-1.EML")).isEmpty();
    }

    @Test
    void theConfiguredTrustStoreLetsAPrivateCaThrough() {
        try (WebDavContactGateway gateway = new WebDavContactGateway(WebDavSettings.of(exchange.baseUri(), "svc", "pw")
                .withTrustStore(trustStore))) {
            assertThat(gateway.upsertContact(CONTACTS, CONTACT)).isIn(UpsertOutcome.CREATED, UpsertOutcome.UPDATED);
        }
    }

    @Test
    void theHostNameIsVerifiedToo() {
        URI byName = URI.create("https://localhost:" + exchange.baseUri().getPort());
        try (WebDavContactGateway gateway = new WebDavContactGateway(WebDavSettings.of(byName, "svc", "pw")
                .withTrustStore(trustStore))) {
            assertThatThrownBy(() -> gateway.upsertContact(CONTACTS, CONTACT))
                    .isInstanceOfSatisfying(ExchangeException.class,
                            e -> assertThat(e.code()).isEqualTo(ExchangeException.Code.TLS));
        }
    }

    @Test
    void aMissingTrustStoreIsAClearConfigurationError() {
        WebDavSettings settings = WebDavSettings.of(exchange.baseUri(), "svc", "pw")
                .withTrustStore(new WebDavSettings.TrustStore(dir.resolve("nope.p12"), "PKCS12", ""));

        assertThatThrownBy(() -> new WebDavContactGateway(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.p12");
    }

    private static SSLContext serverContext(Path keyStoreFile) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
