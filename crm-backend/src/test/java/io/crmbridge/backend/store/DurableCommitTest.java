package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.backend.intake.MailStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt is a promise: once {@code submit} has answered, the submission survives the process being
 * killed (SIGKILL, no shutdown hooks, no H2 close) that very moment. H2's background writer would otherwise
 * still hold the last half second of commits in memory.
 */
class DurableCommitTest {
    @TempDir
    Path dataDir;

    @Test
    void everyAnsweredReceiptSurvivesAKillRightAfterTheAnswer() throws Exception {
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                SubmitThenWaitToBeKilled.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> receipts = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RECEIPT ACCEPTED ")) {
                    receipts.add(line.substring("RECEIPT ACCEPTED ".length()));
                }
                if (line.equals("DONE")) {
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child stopped").isTrue();
        }
        assertThat(receipts).hasSize(100);

        try (CrmBackend reopened = CrmBackend.start(BackendSettings.embedded(dataDir).withWorkers(0))) {
            List<MailStatus> status = reopened.mailIntake().status(receipts);
            assertThat(status).extracting(MailStatus::state).containsOnly(MailState.QUEUED);
            assertThat(reopened.health().queuedSubmissions()).isEqualTo(100);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
