package io.crmbridge.agent.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.agent.core.soap.SoapClientSettings;
import io.crmbridge.agent.testing.CapturingLog;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {
    private final CapturingLog log = new CapturingLog();
    private static final Map<String, String> INI = Map.of(
            "CRMBRIDGE_URL", " https://crm.example.com/services/mail ",
            "CRMBRIDGE_USER", "agent",
            "CRMBRIDGE_PASSWORD", "pa ss");

    @Test
    void everyProfileValueHasADefault() {
        AgentSettings s = AgentSettings.from(INI, Map.of(), log);

        assertThat(s.problem()).isEmpty();
        assertThat(s.endpoint()).isEqualTo("https://crm.example.com/services/mail");
        assertThat(s.user()).isEqualTo("agent");
        assertThat(new String(s.password())).as("a password is taken as it is").isEqualTo("pa ss");
        assertThat(s.enabled()).isTrue();
        assertThat(s.batchSize()).isEqualTo(50);
        assertThat(s.bodyLimitChars()).isEqualTo(64 * 1024);
        assertThat(s.timeBudget()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(s.readTimeoutMillis()).isEqualTo(60_000);
        assertThat(s.wsSecurity()).isFalse();
        assertThat(s.gzip()).isTrue();
        assertThat(s.mailboxAddress()).isEmpty();
        assertThat(s.tagOutgoing()).isTrue();
        assertThat(s.tagTimeoutMillis()).isEqualTo(3000);
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void readsTheProfile() {
        AgentSettings s = AgentSettings.from(INI, Map.of("Enabled", "no", "BatchSize", "20", "BodyLimitKB", "8.0",
                "TimeBudgetSeconds", "120", "ConnectTimeoutSeconds", "3", "ReadTimeoutSeconds", "30",
                "MailboxAddress", " jane@acme.example "), log);

        assertThat(s.enabled()).isFalse();
        assertThat(s.batchSize()).isEqualTo(20);
        assertThat(s.submitterSettings().batchSize()).isEqualTo(20);
        assertThat(s.bodyLimitChars()).isEqualTo(8192);
        assertThat(s.timeBudget()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.connectTimeoutMillis()).isEqualTo(3000);
        assertThat(s.readTimeoutMillis()).isEqualTo(30_000);
        assertThat(s.mailboxAddress()).isEqualTo("jane@acme.example");
    }

    @Test
    void aBadValueIsLoggedAndReplacedByItsDefault() {
        AgentSettings s = AgentSettings.from(INI, Map.of("Enabled", "maybe", "BatchSize", "lots", "BodyLimitKB", "0",
                "TimeBudgetSeconds", "2.5", "ReadTimeoutSeconds", "NaN"), log);

        assertThat(s.enabled()).isTrue();
        assertThat(s.batchSize()).isEqualTo(50);
        assertThat(s.bodyLimitChars()).isEqualTo(64 * 1024);
        assertThat(s.timeBudget()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.readTimeoutMillis()).isEqualTo(60_000);
        assertThat(log.lines()).hasSize(5);
        assertThat(log.text()).contains("BatchSize in CRMBridgeSettings is 'lots', not a whole number from 1 to 1000; using 50");
        assertThat(s.problem()).isEmpty();
    }

    @Test
    void aMissingUrlIsAProblemNotACrash() {
        AgentSettings s = AgentSettings.from(Map.of(), Map.of(), log);

        assertThat(s.problem()).hasValue("CRMBRIDGE_URL is not set in notes.ini");
        assertThatThrownBy(s::soapClientSettings).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBadUrlIsAProblem() {
        AgentSettings s = AgentSettings.from(Map.of("CRMBRIDGE_URL", "crm.example.com"), Map.of(), log);

        assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("CRMBRIDGE_URL in notes.ini is unusable"));
    }

    @Test
    void buildsTheClientSettings() {
        AgentSettings s = AgentSettings.from(Map.of("CRMBRIDGE_URL", "http://crm:8080/services/mail", "CRMBRIDGE_USER", "agent",
                "CRMBRIDGE_PASSWORD", "pw", "CRMBRIDGE_WSSECURITY", "1", "CRMBRIDGE_GZIP", "0"),
                Map.of("ReadTimeoutSeconds", "5"), log);

        SoapClientSettings c = s.soapClientSettings();
        assertThat(c.endpoint().toString()).isEqualTo("http://crm:8080/services/mail");
        assertThat(c.user()).isEqualTo("agent");
        assertThat(new String(c.password())).isEqualTo("pw");
        assertThat(c.wsSecurity()).isTrue();
        assertThat(c.gzipRequests()).isFalse();
        assertThat(c.readTimeoutMillis()).isEqualTo(5000);
    }

    @Test
    void tagsAreAskedWithinTheTagTimeoutForTheWholeCall() {
        AgentSettings s = AgentSettings.from(INI, Map.of("TagOutgoing", "0", "TagTimeoutMillis", "1500"), log);

        assertThat(s.tagOutgoing()).isFalse();
        SoapClientSettings c = s.taggingClientSettings();
        assertThat(c.connectTimeoutMillis()).isEqualTo(1500);
        assertThat(c.readTimeoutMillis()).isEqualTo(1500);
        assertThat(c.callTimeoutMillis()).isEqualTo(1500);
        assertThat(s.soapClientSettings().callTimeoutMillis()).as("submissions keep their own timeouts").isZero();
        assertThat(AgentSettings.from(INI, Map.of("TagTimeoutMillis", "50"), log).tagTimeoutMillis()).isEqualTo(3000);
        assertThat(log.text()).contains("TagTimeoutMillis in CRMBridgeSettings is '50', not a whole number from 100 to 30000");
    }

    @Test
    void neverShowsThePassword() {
        assertThat(AgentSettings.from(INI, Map.of(), log).toString()).contains("agent").doesNotContain("pa ss");
    }

    @Test
    void namesWhatItReads() {
        assertThat(AgentSettings.iniNames()).contains("CRMBRIDGE_URL", "CRMBRIDGE_USER", "CRMBRIDGE_PASSWORD");
        assertThat(AgentSettings.profileNames()).contains("Enabled", "BatchSize", "BodyLimitKB", "TimeBudgetSeconds",
                "TagOutgoing", "TagTimeoutMillis");
    }
}
