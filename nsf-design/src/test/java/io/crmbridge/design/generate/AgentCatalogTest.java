package io.crmbridge.design.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentCatalogTest {

    @Test
    void theBundledCatalogHoldsTheInboxSentAndOptionalTagOnSendAgents() {
        List<AgentDefinition> agents = AgentCatalog.bundled();

        assertThat(agents).extracting(AgentDefinition::key).containsExactly("inbox", "sent", "tagOnSend");
        assertThat(agents).extracting(AgentDefinition::optional).containsExactly(false, false, true);
        assertThat(agents.get(0).classEntry()).isEqualTo("io/crmbridge/agent/domino/InboxAgent.class");
        assertThat(agents.get(1).intervalMinutes()).isEqualTo(15);
        assertThat(agents.get(0).intervalMinutes()).isZero();
    }

    @Test
    void anAgentNeedsItsNameAliasClassTriggerAndRestrictions() {
        assertThatThrownBy(() -> read("agents=x", "x.trigger=afternewmail", "x.restrictions=unrestricted", "x.name=X",
                "x.alias=X"))
                .hasMessage("test: x.class is required");
    }

    @Test
    void rejectsAnUnknownTrigger() {
        assertThatThrownBy(() -> read("agents=x", "x.trigger=onsave"))
                .hasMessageContaining("unknown trigger 'onsave'");
    }

    @Test
    void aScheduledAgentNeedsAnIntervalTheAgentManagerHonours() {
        assertThatThrownBy(() -> read("agents=x", "x.trigger=scheduled", "x.intervalMinutes=2"))
                .hasMessageContaining("x.intervalMinutes must be between 5 and 1439");
    }

    @Test
    void aNewMailAgentTakesNoDocumentSet() {
        assertThatThrownBy(() -> read("agents=x", "x.trigger=afternewmail", "x.documentSet=modified"))
                .hasMessageContaining("x.documentSet must be empty");
    }

    @Test
    void rejectsAnUnknownSecurityLevel() {
        assertThatThrownBy(() -> read("agents=x", "x.trigger=agentlist", "x.restrictions=everything"))
                .hasMessageContaining("x.restrictions 'everything' is not one of");
    }

    @Test
    void rejectsAnEmptyCatalog() {
        assertThatThrownBy(() -> read("agents="))
                .hasMessage("test: agents lists no agent");
    }

    private static List<AgentDefinition> read(String... lines) {
        Properties properties = new Properties();
        for (String line : lines) {
            int eq = line.indexOf('=');
            properties.setProperty(line.substring(0, eq), line.substring(eq + 1));
        }
        return AgentCatalog.read(new DesignProperties("test", properties));
    }
}
