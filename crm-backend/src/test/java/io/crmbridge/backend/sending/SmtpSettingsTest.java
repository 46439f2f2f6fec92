package io.crmbridge.backend.sending;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpSettingsTest {
    @TempDir
    Path dir;

    @Test
    void passwordsNeverShow() {
        SmtpSettings s = new SmtpSettings("mail.acme.example", 587, true, "crm", "topsecret", Duration.ofSeconds(10))
                .withTrustStore(Path.of("/etc/crm/trust.p12"), "storesecret");

        assertThat(s.toString()).contains("mail.acme.example", "587", "crm", "****").doesNotContain("topsecret", "storesecret");
        assertThat(new BackendSettings("jdbc:h2:mem:x", "sa", "", 0, null).withSmtp(s).toString()).doesNotContain("topsecret");
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new SmtpSettings(" ", 25, false, "", "", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("h", 0, false, "", "", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("h", 25, false, "", "", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("h", 465, true, "", "", null, true, Optional.empty(), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SmtpSettings("h", 25, false, "", "", null).timeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void withoutSmtpTheSenderIsUnavailableAndAnUnreadableTrustStoreStopsTheStart() {
        try (CrmBackend b = CrmBackend.start(TestStores.h2(dir))) {
            assertThatThrownBy(b::mailSender).isInstanceOfSatisfying(BackendException.class, e -> {
                assertThat(e.code()).isEqualTo(BackendException.UNAVAILABLE);
                assertThat(e.getMessage()).isEqualTo("SMTP is not configured");
            });
        }
        SmtpSettings missing = new SmtpSettings("h", 25, true, "", "", null).withTrustStore(dir.resolve("nope.p12"), "");

        assertThatThrownBy(() -> CrmBackend.start(TestStores.h2(dir).withSmtp(missing)))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.getMessage()).contains("nope.p12"));
    }
}
