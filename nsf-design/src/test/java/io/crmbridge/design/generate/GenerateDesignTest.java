package io.crmbridge.design.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.design.dxl.Dxl;
import io.crmbridge.design.testing.AgentJars;
import io.crmbridge.design.testing.DxlDocument;
import io.crmbridge.design.testing.DxlDtd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class GenerateDesignTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void writesTheAgentsWhoseClassesAreInTheJarAndTheSettingsForm() throws Exception {
        Path jar = AgentJars.jar(dir.resolve("agent.jar"), AgentJars.INBOX, AgentJars.SENT, "META-INF/MANIFEST.MF");

        DxlDocument dxl = DxlDocument.parse(generate(jar));

        assertThat(dxl.root().getNamespaceURI()).isEqualTo(Dxl.NAMESPACE);
        assertThat(dxl.root().getLocalName()).isEqualTo("database");
        assertThat(dxl.elements("/d:database/d:agent")).extracting(agent -> agent.getAttribute("name"))
                .containsExactly("CRM Bridge Inbox", "CRM Bridge Sent");
        assertThat(dxl.value(dxl.root(), "d:form/@alias")).isEqualTo("CRMBridgeSettings");
        assertThat(log()).contains("left out agent 'CRM Bridge Tag On Send'")
                .contains("io.crmbridge.agent.domino.TagOnSendAgent is not in agent.jar");
    }

    @Test
    void theInboxAgentRunsAfterNewMailWithNetworkAccessAndNoDocumentSet() throws Exception {
        DxlDocument dxl = DxlDocument.parse(generate(AgentJars.jar(dir.resolve("a.jar"), AgentJars.INBOX, AgentJars.SENT)));

        Element inbox = dxl.agent("CRM Bridge Inbox");
        assertThat(inbox.getAttribute("alias")).isEqualTo("CRMBridgeInbox");
        assertThat(inbox.getAttribute("restrictions")).isEqualTo("unrestricted");
        assertThat(inbox.getAttribute("enabled")).isEqualTo("true");
        assertThat(dxl.value(inbox, "d:trigger/@type")).isEqualTo("afternewmail");
        assertThat(dxl.elements(inbox, "d:documentset")).isEmpty();
        assertThat(dxl.value(inbox, "d:wassignedby/d:name")).isEqualTo(Dxl.SIGNER_PLACEHOLDER);
        assertThat(dxl.value(inbox, "d:code/@event")).isEqualTo("action");
        assertThat(dxl.value(inbox, "d:code/d:javaproject/@class")).isEqualTo("io.crmbridge.agent.domino.InboxAgent.class");
        assertThat(dxl.value(inbox, "d:code/d:javaproject/@imported")).isEqualTo("true");
        assertThat(dxl.value(inbox, "d:code/d:javaproject/d:javaarchive/@name")).isEqualTo(Dxl.AGENT_ARCHIVE_NAME);
    }

    @Test
    void theSentAgentRunsEveryFifteenMinutesOverNewAndModifiedDocuments() throws Exception {
        DxlDocument dxl = DxlDocument.parse(generate(AgentJars.jar(dir.resolve("a.jar"), AgentJars.INBOX, AgentJars.SENT)));

        Element sent = dxl.agent("CRM Bridge Sent");
        assertThat(dxl.value(sent, "d:trigger/@type")).isEqualTo("scheduled");
        assertThat(dxl.value(sent, "d:trigger/d:schedule/@type")).isEqualTo("byminutes");
        assertThat(dxl.value(sent, "d:trigger/d:schedule/@hours")).isEqualTo("0");
        assertThat(dxl.value(sent, "d:trigger/d:schedule/@minutes")).isEqualTo("15");
        assertThat(dxl.value(sent, "d:trigger/d:schedule/@runlocation")).isEqualTo("any");
        assertThat(dxl.value(sent, "d:documentset/@type")).isEqualTo("modified");
        assertThat(sent.getAttribute("restrictions")).isEqualTo("unrestricted");
        assertThat(dxl.value(sent, "d:code/d:javaproject/@class")).isEqualTo("io.crmbridge.agent.domino.SentAgent.class");
    }

    @Test
    void theTagOnSendAgentComesWithItsClass() throws Exception {
        Path jar = AgentJars.jar(dir.resolve("a.jar"), AgentJars.INBOX, AgentJars.SENT, AgentJars.TAG_ON_SEND);

        DxlDocument dxl = DxlDocument.parse(generate(jar));

        Element tag = dxl.agent("CRM Bridge Tag On Send");
        assertThat(tag.getAttribute("alias")).isEqualTo("CRMBridgeTagOnSend");
        assertThat(dxl.value(tag, "d:trigger/@type")).isEqualTo("agentlist");
        assertThat(dxl.value(tag, "d:documentset/@type")).isEqualTo("runonce");
        assertThat(tag.getAttribute("restrictions")).as("it asks the service over the network").isEqualTo("unrestricted");
        assertThat(dxl.value(tag, "d:code/d:javaproject/@class")).isEqualTo("io.crmbridge.agent.domino.TagOnSendAgent.class");
        assertThat(log()).doesNotContain("left out");
    }

    @Test
    void everyAgentEmbedsTheJarByteForByte() throws Exception {
        Path jar = AgentJars.jar(dir.resolve("a.jar"), AgentJars.INBOX, AgentJars.SENT, AgentJars.TAG_ON_SEND);

        DxlDocument dxl = DxlDocument.parse(generate(jar));

        List<Element> agents = dxl.elements("/d:database/d:agent");
        assertThat(agents).hasSize(3);
        for (Element agent : agents) {
            assertThat(dxl.embeddedJar(agent)).isEqualTo(Files.readAllBytes(jar));
        }
    }

    @Test
    void theSettingsFormHasAFieldPerProfileItem() throws Exception {
        DxlDocument dxl = DxlDocument.parse(generate(AgentJars.jar(dir.resolve("a.jar"), AgentJars.INBOX, AgentJars.SENT)));

        Element form = dxl.elements("/d:database/d:form").get(0);
        assertThat(form.getAttribute("name")).isEqualTo("CRM Bridge Settings");
        assertThat(form.getAttribute("nocompose")).isEqualTo("true");
        assertThat(dxl.elements(form, ".//d:field")).extracting(field -> field.getAttribute("name"))
                .containsExactly("Enabled", "BatchSize", "BodyLimitKB", "TimeBudgetSeconds", "ConnectTimeoutSeconds",
                        "ReadTimeoutSeconds", "MailboxAddress", "TagOutgoing", "TagTimeoutMillis");
        Element enabled = dxl.elements(form, ".//d:field[@name='Enabled']").get(0);
        assertThat(enabled.getAttribute("type")).isEqualTo("keyword");
        assertThat(dxl.elements(enabled, "d:keywords/d:textlist/d:text")).extracting(Element::getTextContent)
                .containsExactly("Yes|1", "No|0");
        assertThat(dxl.value(enabled, "d:code[@event='defaultvalue']/d:formula")).isEqualTo("\"1\"");
        assertThat(dxl.value(form, ".//d:field[@name='BatchSize']/@type")).isEqualTo("number");
        assertThat(dxl.value(form, ".//d:field[@name='MailboxAddress']/@type")).isEqualTo("text");
    }

    @Test
    void theDxlIsValidAgainstTheDtd() throws Exception {
        DxlDtd dtd = DxlDtd.requireDtd();
        Path jar = AgentJars.jar(dir.resolve("a.jar"), AgentJars.INBOX, AgentJars.SENT, AgentJars.TAG_ON_SEND);

        assertThat(dtd.errors(generate(jar))).isEmpty();
    }

    @Test
    void theDtdCheckCatchesInvalidDxl() throws Exception {
        DxlDtd dtd = DxlDtd.requireDtd();

        assertThat(dtd.errors("<?xml version='1.0'?><database xmlns='http://www.lotus.com/dxl'><agent name='x'/></database>"))
                .isNotEmpty();
    }

    @Test
    void aMissingRequiredAgentClassFailsTheBuild() throws Exception {
        Path jar = AgentJars.jar(dir.resolve("a.jar"), AgentJars.INBOX);

        assertThatThrownBy(() -> generate(jar))
                .hasMessageContaining("agent 'CRM Bridge Sent' needs io.crmbridge.agent.domino.SentAgent");
        assertThat(dir.resolve("out.dxl")).doesNotExist();
    }

    @Test
    void aDirectoryInsteadOfTheJarIsExplained() {
        assertThatThrownBy(() -> AgentJar.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is a directory, not the agent jar: build with 'package'");
    }

    @Test
    void writesTheSameDxlToEveryOutput() throws Exception {
        Path jar = AgentJars.jar(dir.resolve("a.jar"), AgentJars.INBOX, AgentJars.SENT);
        Path first = dir.resolve("out/one.dxl");
        Path second = dir.resolve("classes/two.dxl");

        GenerateDesign.main(new String[] {"--agent-jar", jar.toString(), "--out", first.toString(), "--out", second.toString()});

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void refusesAnAgentJarThisBuildDidNotMake() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("m2/repository"));
        Path jar = AgentJars.jar(elsewhere.resolve("domino-agent.jar"), AgentJars.INBOX, AgentJars.SENT);
        Path target = Files.createDirectories(dir.resolve("domino-agent/target"));

        assertThatThrownBy(() -> GenerateDesign.main(new String[] {"--agent-jar", jar.toString(), "--built-in",
                target.toString(), "--out", dir.resolve("x.dxl").toString()}))
                .hasMessageContaining("was not built by this build");
        assertThat(dir.resolve("x.dxl")).doesNotExist();
    }

    @Test
    void rejectsAnIncompleteCommandLine() {
        assertThatThrownBy(() -> GenerateDesign.main(new String[] {"--out", "x.dxl"}))
                .hasMessageContaining("usage: GenerateDesign --agent-jar PATH");
    }

    private String generate(Path jar) throws Exception {
        Path out = dir.resolve("out.dxl");
        new GenerateDesign(new PrintStream(log, true, StandardCharsets.UTF_8))
                .generate(AgentJar.read(jar), AgentCatalog.bundled(), SettingsForm.bundled(), Arrays.asList(out));
        return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
