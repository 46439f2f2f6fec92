package io.crmbridge.design.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.design.install.DesignDxl;
import io.crmbridge.design.install.DesignInstaller;
import io.crmbridge.design.testing.DxlDocument;
import io.crmbridge.fixtures.domino.DesignNote;
import io.crmbridge.fixtures.domino.FakeDomino;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Nsf;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The installer imports the DXL this build generated into the in-memory Domino, and removes it again. */
class InstallGeneratedDesignIT {
    private final FakeDomino domino = new FakeDomino();
    private final Nsf template = domino.createDatabase("mail12.ntf", "Mail (R12)");
    private final FakeSession session = domino.openSession();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final DesignInstaller installer = new DesignInstaller(session, new PrintStream(output, true, StandardCharsets.UTF_8));

    @Test
    void importsTheBuiltDesignSignedAndRemovesIt() throws Exception {
        DesignDxl design = DesignDxl.embedded();
        assertThat(design.text()).isEqualTo(BuiltDesign.text(BuiltDesign.dxl()));

        assertThat(installer.install("", List.of("mail12.ntf"), design, true)).isZero();

        assertThat(template.designNotes().notes("agent")).extracting(DesignNote::name)
                .contains("CRM Bridge Inbox", "CRM Bridge Sent");
        assertThat(template.designNotes().notes("form")).extracting(DesignNote::name).containsExactly("CRM Bridge Settings");
        assertThat(template.designNotes().notes()).allSatisfy(note -> assertThat(note.signer()).contains(domino.serverName()));
        byte[] agentJar = Files.readAllBytes(BuiltDesign.agentJar());
        for (DesignNote agent : template.designNotes().notes("agent")) {
            DxlDocument imported = DxlDocument.parse(agent.dxl());
            assertThat(imported.embeddedJar(imported.root())).as(agent.name()).isEqualTo(agentJar);
        }

        assertThat(installer.remove("", List.of("mail12.ntf"), design)).isZero();

        assertThat(template.designNotes().notes()).isEmpty();
        assertThat(session.liveHandles()).as(session.describeLiveHandles()).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR");
    }
}
