package io.crmbridge.backend.recording;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.TestStores;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.backend.intake.MailStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog larger than one claim's window of candidates (work committed while no worker ran, as after a
 * restart or a back-fill) is recorded completely by two workers that skip each other's rows.
 */
class BacklogRecordingTest {
    @TempDir
    Path dir;

    @Test
    void onH2() {
        twoWorkersDrainABacklogLargerThanTheirWindow(TestStores.h2(dir));
    }

    private void twoWorkersDrainABacklogLargerThanTheirWindow(BackendSettings settings) {
        List<String> receiptIds = new ArrayList<>();
        try (CrmBackend accepting = CrmBackend.start(settings)) {
            for (int batch = 0; batch < 5; batch++) {
                List<InboundMail> mails = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    mails.add(aMail().in("backlog@acme.example", MailFolder.INBOX).messageId("<b" + batch + "-" + i + "@x.example>")
                            .clientRef(batch + "-" + i).build());
                }
                accepting.mailIntake().submit(mails).stream().map(r -> r.receiptId().orElseThrow()).forEach(receiptIds::add);
            }
            assertThat(accepting.health().queuedSubmissions()).isEqualTo(300);
        }

        try (CrmBackend recording = CrmBackend.start(settings.withWorkers(2))) {
            assertThat(recording.awaitIdle(Duration.ofSeconds(60))).isTrue();
            List<MailStatus> status = recording.mailIntake().status(receiptIds);
            assertThat(status).extracting(MailStatus::state).containsOnly(MailState.UNRESOLVED);
            assertThat(status).extracting(s -> s.activityId().orElseThrow()).doesNotHaveDuplicates();
        }
    }
}
