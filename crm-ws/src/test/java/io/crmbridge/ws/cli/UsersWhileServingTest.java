package io.crmbridge.ws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.core.soap.SoapClientSettings;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.ws.server.RunningBridge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users add} from a second process works while the server holds the embedded database. */
class UsersWhileServingTest {
    @TempDir
    Path dir;

    @Test
    void aUserAddedByAnotherProcessCanCallTheRunningServer() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(dir.resolve("data"))) {
            Path config = dir.resolve("crm-bridge.properties");
            Files.writeString(config, "data.dir=" + dir.resolve("data").toString().replace("\\", "/") + "\n");
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrmBridgeCommand.class.getName(),
                    "users", "add", "domino02", "--role", "agent", "--config", config.toString())
                    .redirectErrorStream(true)
                    .start();
            cli.getOutputStream().write("while-serving\n".getBytes(StandardCharsets.UTF_8));
            cli.getOutputStream().close();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).as(output).isZero();

            SoapMailClient client = new SoapMailClient(SoapClientSettings.builder(bridge.url("mail"))
                    .credentials("domino02", "while-serving".toCharArray()).build());
            assertThat(client.getMailStatus(List.of(UUID.randomUUID().toString())))
                    .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("UNKNOWN"));
        }
    }
}
