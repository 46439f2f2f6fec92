package io.crmbridge.design.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.design.testing.DxlDocument;
import io.crmbridge.design.testing.DxlDtd;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The DXL this build generated from the agent jar it built. */
class GeneratedDesignIT {

    @Test
    void isValidAgainstHclsDxlDtd() throws Exception {
        DxlDtd dtd = DxlDtd.requireDtd();

        assertThat(dtd.errors(BuiltDesign.text(BuiltDesign.dxl()))).isEmpty();
    }

    @Test
    void everyAgentEmbedsTheBuiltAgentJarByteForByte() throws Exception {
        DxlDocument dxl = DxlDocument.parse(BuiltDesign.text(BuiltDesign.dxl()));
        byte[] agentJar = Files.readAllBytes(BuiltDesign.agentJar());

        List<Element> agents = dxl.elements("/d:database/d:agent");
        assertThat(agents).isNotEmpty();
        for (Element agent : agents) {
            assertThat(dxl.embeddedJar(agent)).as(agent.getAttribute("name")).isEqualTo(agentJar);
        }
    }

    @Test
    void holdsTheInboxAndSentAgentsWhoseClassesAreInTheJar() throws Exception {
        DxlDocument dxl = DxlDocument.parse(BuiltDesign.text(BuiltDesign.dxl()));

        assertThat(dxl.value(dxl.agent("CRM Bridge Inbox"), "d:code/d:javaproject/@class"))
                .isEqualTo("io.crmbridge.agent.domino.InboxAgent.class");
        assertThat(dxl.value(dxl.agent("CRM Bridge Sent"), "d:code/d:javaproject/@class"))
                .isEqualTo("io.crmbridge.agent.domino.SentAgent.class");
        try (ZipFile jar = new ZipFile(BuiltDesign.agentJar().toFile())) {
            for (Element agent : dxl.elements("/d:database/d:agent")) {
                String className = dxl.value(agent, "d:code/d:javaproject/@class");
                String entry = className.substring(0, className.length() - ".class".length()).replace('.', '/') + ".class";
                assertThat(jar.getEntry(entry)).as(entry + " in the agent jar").isNotNull();
            }
            boolean tagOnSend = jar.getEntry("io/crmbridge/agent/domino/TagOnSendAgent.class") != null;
            assertThat(dxl.elements("/d:database/d:agent[@alias='CRMBridgeTagOnSend']")).hasSize(tagOnSend ? 1 : 0);
        }
    }

    @Test
    void theSettingsFormEditsEveryProfileItemTheAgentReads() throws Exception {
        DxlDocument dxl = DxlDocument.parse(BuiltDesign.text(BuiltDesign.dxl()));
        List<String> fields = dxl.elements("/d:database/d:form[@alias='CRMBridgeSettings']//d:field").stream()
                .map(field -> field.getAttribute("name")).toList();

        try (URLClassLoader agent = new URLClassLoader(new URL[] {BuiltDesign.agentJar().toUri().toURL()}, null)) {
            Class<?> settings = agent.loadClass("io.crmbridge.agent.core.settings.AgentSettings");
            Method profileNames = settings.getMethod("profileNames");
            @SuppressWarnings("unchecked")
            List<String> profileItems = (List<String>) profileNames.invoke(null);
            assertThat(fields).containsExactlyInAnyOrderElementsOf(profileItems);
            assertThat(settings.getField("PROFILE").get(null)).isEqualTo("CRMBridgeSettings");
        }
    }

    @Test
    void theInstallerJarCarriesTheSameDxl() throws Exception {
        try (ZipFile jar = new ZipFile(BuiltDesign.installerJar().toFile())) {
            ZipEntry entry = jar.getEntry("io/crmbridge/design/install/crm-bridge-design.dxl");
            assertThat(entry).isNotNull();
            try (InputStream in = jar.getInputStream(entry)) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(BuiltDesign.dxl()));
            }
            assertThat(jar.getEntry("lotus/domino/Session.class")).as("the Notes API stand-in is never packaged").isNull();
            assertThat(jar.getEntry("io/crmbridge/agent/domino/InboxAgent.class")).isNull();
        }
    }
}
