package io.crmbridge.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.soap.SoapClientSettings;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.Role;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.ws.cli.CrmBridgeCommand;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged submission survives {@code kill -9} of the server right after the answer. */
class KilledServerTest {
    @TempDir
    Path dir;

    @Test
    void acknowledgedMailSurvivesAKilledServer() throws Exception {
        Path data = dir.resolve("data");
        try (CrmBackend backend = CrmBackend.start(BackendSettings.embedded(data).withWorkers(0))) {
            backend.apiUsers().add("agent", Role.AGENT, "pw".toCharArray());
        }
        int port = freePort();
        Path config = dir.resolve("crm-bridge.properties");
        // No workers: what the killed server acknowledged must still be QUEUED, i.e. committed, afterwards.
        Files.writeString(config, "data.dir=" + data.toString().replace("\\", "/") + "\nworkers=0\nserver.host=127.0.0.1\n");
        Process server = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                CrmBridgeCommand.class.getName(), "serve", "--config", config.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        List<Receipt> receipts;
        try {
            awaitHealthy(port, server);
            SoapMailClient client = new SoapMailClient(SoapClientSettings.builder("http://127.0.0.1:" + port + "/services/mail")
                    .credentials("agent", "pw".toCharArray()).build());
            List<MailMessage> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(MailMessage.builder().clientRef("ref-" + i).mailbox("jane@acme.example").folder(Folder.INBOX)
                        .messageId("<kill-" + i + "@x>").subject("Mail " + i).body("body " + i, false).build());
            }
            receipts = client.submit(batch);
        } finally {
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(receipts).hasSize(50).allSatisfy(r -> assertThat(r.status()).isEqualTo(Receipt.Status.ACCEPTED));
        try (CrmBackend reopened = CrmBackend.start(BackendSettings.embedded(data).withWorkers(0))) {
            assertThat(reopened.mailIntake().status(receipts.stream().map(Receipt::receiptId).toList()))
                    .hasSize(50)
                    .allSatisfy(s -> assertThat(s.state()).isEqualTo(MailState.QUEUED));
        }
    }

    private static void awaitHealthy(int port, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited with " + server.exitValue());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not become healthy in time");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
