package io.crmbridge.backend.exchange.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.crmbridge.backend.exchange.ContactFolder;
import io.crmbridge.backend.exchange.ExchangeException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * NTLM is negotiated when configured: the emulator speaks Basic only, so this checks the client's
 * side of the handshake against a server that challenges with NTLM and never accepts.
 */
class WebDavNtlmTest {

    @Test
    void answersAnNtlmChallengeWithANegotiateMessageAndNeverSendsBasic() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", http -> {
            http.getRequestBody().readAllBytes();
            String authorization = http.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            http.getResponseHeaders().set("WWW-Authenticate", "NTLM");
            http.sendResponseHeaders(401, -1);
            http.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (WebDavContactGateway gateway = new WebDavContactGateway(
                WebDavSettings.of(base, "svc-crm", "pw").withNtlm("CORP"))) {
            assertThatThrownBy(() -> gateway.readContact(new ContactFolder("jdoe", "Contacts"), "1"))
                    .isInstanceOfSatisfying(ExchangeException.class,
                            e -> assertThat(e.code()).isEqualTo(ExchangeException.Code.UNAUTHORIZED));
        } finally {
            server.stop(0);
        }

        assertThat(authorizations.get(0)).isEmpty();
        // "TlRMTVNTUAAB" is base64 of "NTLMSSP\0" followed by message type 1.
        assertThat(authorizations).anySatisfy(a -> assertThat(a).startsWith("NTLM TlRMTVNTUAAB"));
        assertThat(authorizations).noneMatch(a -> a.startsWith("Basic"));
    }
}
