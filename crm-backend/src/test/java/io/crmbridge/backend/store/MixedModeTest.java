package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.ApiUser;
import io.crmbridge.backend.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line can change users in the embedded database while the server holds it open. */
class MixedModeTest {
    @TempDir
    Path dataDir;

    @Test
    void aSecondProcessAddsAUserWhileTheServerRuns() throws Exception {
        try (CrmBackend server = CrmBackend.start(BackendSettings.embedded(dataDir).withWorkers(1))) {
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AddUserFromAnotherProcess.class.getName(),
                    dataDir.toString(), "domino-agent", "from the CLI")
                    .redirectErrorStream(true)
                    .start();
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("CLI finished").isTrue();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.exitValue()).as(output).isZero();
            assertThat(output).contains("ADDED");

            assertThat(server.apiUsers().authenticate("domino-agent", "from the CLI".toCharArray()))
                    .contains(new ApiUser("domino-agent", Role.AGENT));
            assertThat(server.health().up()).isTrue();
            assertThat(server.health().database()).isEqualTo("H2");
        }
    }
}
