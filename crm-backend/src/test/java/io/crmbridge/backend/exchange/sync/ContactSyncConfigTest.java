package io.crmbridge.backend.exchange.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactSyncConfigTest {

    @Test
    void noMailboxesMeansContactSyncIsOff() {
        assertThat(ContactSyncConfig.read(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void readsServersMailboxesWithLocalizedFoldersAndPolicies() {
        Map<String, String> keys = Map.ofEntries(
                Map.entry("exchange.servers", "de, tr"),
                Map.entry("exchange.server.de.url", "https://mail.example.de"),
                Map.entry("exchange.server.de.user", "CORP\\svc-crm"),
                Map.entry("exchange.server.de.password", "pw"),
                Map.entry("exchange.server.de.auth", "NTLM"),
                Map.entry("exchange.server.de.ntlm-domain", "CORP"),
                Map.entry("exchange.server.de.max-connections", "4"),
                Map.entry("exchange.server.tr.url", "https://mail.example.com.tr"),
                Map.entry("exchange.server.tr.truststore", "/etc/crm-bridge/ca.p12"),
                Map.entry("exchange.contacts.mailboxes", "jdoe, ayşe"),
                Map.entry("exchange.contacts.folder", "Kontakte"),
                Map.entry("exchange.contacts.mailbox.ayşe.folder", "Kişiler"),
                Map.entry("exchange.contacts.mailbox.ayşe.server", "tr"),
                Map.entry("exchange.contacts.targets", "owner"),
                Map.entry("exchange.contacts.conflict-policy", "report"),
                Map.entry("exchange.contacts.item-name", "CRM-{id}.EML"),
                Map.entry("exchange.contacts.retry.base-seconds", "2"));

        ContactSyncSettings settings = ContactSyncConfig.read(keys::get).orElseThrow();

        assertThat(settings.mailboxes()).containsExactly(new MailboxTarget("de", "jdoe", "Kontakte"),
                new MailboxTarget("tr", "ayşe", "Kişiler"));
        assertThat(settings.mode()).isEqualTo(TargetMode.OWNER);
        assertThat(settings.conflictPolicy()).isEqualTo(ConflictPolicy.REPORT);
        assertThat(settings.retry()).isEqualTo(new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(900), 10));
        WebDavSettings de = settings.servers().get("de");
        assertThat(de.authentication()).isEqualTo(WebDavSettings.Authentication.NTLM);
        assertThat(de.ntlmDomain()).isEqualTo("CORP");
        assertThat(de.maxConnections()).isEqualTo(4);
        assertThat(de.itemNames().itemName("7")).isEqualTo("CRM-7.EML");
        assertThat(de.toString()).doesNotContain("pw");
        assertThat(settings.servers().get("tr").trustStore()).hasValueSatisfying(
                t -> assertThat(t.path()).hasToString("/etc/crm-bridge/ca.p12"));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ContactSyncConfig.read(Map.of("exchange.contacts.mailboxes", "jdoe")::get))
                .hasMessageContaining("exchange.server.main.url");
        assertThatThrownBy(() -> ContactSyncConfig.read(Map.of("exchange.contacts.mailboxes", "jdoe",
                "exchange.server.main.url", "https://m", "exchange.contacts.conflict-policy", "outlook-wins")::get))
                .hasMessageContaining("exchange.contacts.conflict-policy").hasMessageContaining("crm-wins");
        assertThatThrownBy(() -> ContactSyncConfig.read(Map.of("exchange.contacts.mailboxes", "jdoe",
                "exchange.server.main.url", "https://m", "exchange.server.main.max-connections", "lots")::get))
                .hasMessageContaining("exchange.server.main.max-connections");
        assertThatThrownBy(() -> ContactSyncConfig.read(Map.of("exchange.contacts.mailboxes", "jdoe",
                "exchange.server.main.url", "https://m", "exchange.contacts.mailbox.jdoe.server", "x")::get))
                .hasMessageContaining("exchange.contacts.mailbox.jdoe.server");
    }
}
