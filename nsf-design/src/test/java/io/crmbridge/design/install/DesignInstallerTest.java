package io.crmbridge.design.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crmbridge.design.dxl.Dxl;
import io.crmbridge.design.generate.GenerateDesign;
import io.crmbridge.design.testing.AgentJars;
import io.crmbridge.fixtures.domino.DesignNote;
import io.crmbridge.fixtures.domino.DxlImport;
import io.crmbridge.fixtures.domino.FakeDomino;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Nsf;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import lotus.domino.DxlImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignInstallerTest {
    @TempDir
    Path dir;

    private final FakeDomino domino = new FakeDomino();
    private final Nsf template = domino.createDatabase("mail12.ntf", "Mail (R12)");
    private final Nsf jane = domino.createDatabase("mail/jdoe.nsf", "Jane Doe");
    private final FakeSession session = domino.openSession();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private DesignDxl design;
    private DesignInstaller installer;

    @BeforeEach
    void generateTheDesign() throws Exception {
        Path jar = AgentJars.jar(dir.resolve("agent.jar"), AgentJars.INBOX, AgentJars.SENT);
        Path dxl = dir.resolve("design.dxl");
        GenerateDesign.main(new String[] {"--agent-jar", jar.toString(), "--out", dxl.toString()});
        design = DesignDxl.read(dxl);
        installer = new DesignInstaller(session, new PrintStream(output, true, StandardCharsets.UTF_8));
        template.designNotes().asTemplate("StdR12Mail");
    }

    @Test
    void importsTheAgentsAndFormReplaceElseCreateAndReportsThem() throws Exception {
        int failed = installer.install("", List.of("mail12.ntf"), design, true);

        assertThat(failed).isZero();
        assertThat(template.designNotes().notes()).extracting(DesignNote::kind, DesignNote::name).containsExactly(
                tuple("agent", "CRM Bridge Inbox"), tuple("agent", "CRM Bridge Sent"), tuple("form", "CRM Bridge Settings"));
        DxlImport given = template.designNotes().imports().get(0);
        assertThat(given.designImportOption()).isEqualTo(DxlImporter.DXLIMPORTOPTION_REPLACE_ELSE_CREATE);
        assertThat(given.documentImportOption()).isEqualTo(DxlImporter.DXLIMPORTOPTION_IGNORE);
        assertThat(given.aclImportOption()).isEqualTo(DxlImporter.DXLIMPORTOPTION_IGNORE);
        assertThat(given.replicaRequiredForReplaceOrUpdate()).isFalse();
        assertThat(given.replaceDbProperties()).isFalse();
        assertThat(output()).contains("CRM Bridge INFO mail12.ntf: imported agent 'CRM Bridge Inbox', agent 'CRM Bridge Sent',"
                + " form 'CRM Bridge Settings' (note IDs ")
                .contains("mail12.ntf is the master template 'StdR12Mail'")
                .doesNotContain("ERROR");
    }

    @Test
    void signsEveryImportedNoteWithTheInstallersIdAndNamesItInTheDxl() throws Exception {
        installer.install("", List.of("mail12.ntf"), design, true);

        assertThat(template.designNotes().notes()).allSatisfy(note -> assertThat(note.signer()).contains(domino.serverName()));
        DxlImport given = template.designNotes().imports().get(0);
        assertThat(given.dxl()).contains("<name>" + domino.serverName() + "</name>").doesNotContain(Dxl.SIGNER_PLACEHOLDER);
        assertThat(output()).contains("signed 3 design notes as " + domino.serverName());
    }

    @Test
    void withoutSigningTheNotesStayUnsignedAndThePlaceholderStays() throws Exception {
        installer.install("", List.of("mail/jdoe.nsf"), design, false);

        assertThat(jane.designNotes().notes()).hasSize(3).allSatisfy(note -> assertThat(note.signer()).isEmpty());
        assertThat(jane.designNotes().imports().get(0).dxl()).contains(Dxl.SIGNER_PLACEHOLDER);
        assertThat(output()).doesNotContain("signed");
    }

    @Test
    void installingAgainReplacesInsteadOfDuplicating() throws Exception {
        installer.install("", List.of("mail/jdoe.nsf"), design, true);
        installer.install("", List.of("mail/jdoe.nsf"), design, true);

        assertThat(jane.designNotes().notes()).hasSize(3).allSatisfy(note -> assertThat(note.sequence()).isEqualTo(2));
        assertThat(jane.designNotes().imports()).hasSize(2);
    }

    @Test
    void installsIntoEveryDatabaseAndSaysWhatADatabaseInheritsFrom() throws Exception {
        jane.designNotes().inheritFrom("StdR12Mail");

        int failed = installer.install("", List.of("mail12.ntf", "mail/jdoe.nsf"), design, true);

        assertThat(failed).isZero();
        assertThat(template.designNotes().notes()).hasSize(3);
        assertThat(jane.designNotes().notes()).hasSize(3);
        assertThat(output()).contains("mail/jdoe.nsf inherits its design from 'StdR12Mail'");
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsAloneAndTheOthersAreInstalled() throws Exception {
        int failed = installer.install("", List.of("mail/nobody.nsf", "mail/jdoe.nsf"), design, true);

        assertThat(failed).isEqualTo(1);
        assertThat(jane.designNotes().notes()).hasSize(3);
        assertThat(output()).contains("CRM Bridge ERROR mail/nobody.nsf: cannot open the database");
    }

    @Test
    void aServerNameIsPassedToTheSession() throws Exception {
        int failed = installer.install("CN=Elsewhere/O=Acme", List.of("mail/jdoe.nsf"), design, true);

        assertThat(failed).isEqualTo(1);
        assertThat(output()).contains("CN=Elsewhere/O=Acme!!mail/jdoe.nsf: cannot open the database");
        assertThat(jane.designNotes().notes()).isEmpty();
    }

    @Test
    void removesTheAgentsAndFormAndLeavesOtherDesignAlone() throws Exception {
        installer.install("", List.of("mail/jdoe.nsf"), design, true);
        jane.designNotes().add(jane, "agent", "Out Of Office", "OutOfOffice");

        int failed = installer.remove("", List.of("mail/jdoe.nsf"), design);

        assertThat(failed).isZero();
        assertThat(jane.designNotes().notes()).extracting(DesignNote::name).containsExactly("Out Of Office");
        assertThat(output()).contains("CRM Bridge INFO mail/jdoe.nsf: removed agent 'CRM Bridge Inbox', agent 'CRM Bridge Sent',"
                + " form 'CRM Bridge Settings'");
    }

    @Test
    void removingWhatIsNotThereSaysSo() throws Exception {
        int failed = installer.remove("", List.of("mail/jdoe.nsf"), design);

        assertThat(failed).isZero();
        assertThat(output()).contains("removed nothing; not present: agent 'CRM Bridge Inbox'");
    }

    @Test
    void leavesNoHandleLive() throws Exception {
        installer.install("", List.of("mail12.ntf", "mail/jdoe.nsf", "mail/nobody.nsf"), design, true);
        installer.remove("", List.of("mail/jdoe.nsf"), design);

        assertThat(session.liveHandles()).as(session.describeLiveHandles()).isZero();
    }

    @Test
    void aFailedImportIsReportedWithTheImportersLogAndTheOtherDatabasesGoOn() throws Exception {
        jane.designNotes().refuseImports("You are not authorized to perform that operation");

        int failed = installer.install("", List.of("mail/jdoe.nsf", "mail12.ntf"), design, true);

        assertThat(failed).isEqualTo(1);
        assertThat(output()).contains("CRM Bridge ERROR mail/jdoe.nsf: the DXL import failed: DXL importer operation failed (4522)")
                .contains("importer log: ").contains("You are not authorized to perform that operation");
        assertThat(template.designNotes().notes()).hasSize(3);
        assertThat(session.liveHandles()).as(session.describeLiveHandles()).isZero();
    }

    @Test
    void documentsInTheDxlAreNeverImported() throws Exception {
        DesignDxl withDocument = DesignDxl.parse(design.text().replace("</database>", "<document form='Memo'/></database>"));

        int failed = installer.install("", List.of("mail/jdoe.nsf"), withDocument, true);

        assertThat(failed).isZero();
        assertThat(jane.designNotes().notes()).hasSize(3);
        assertThat(jane.notes()).isEmpty();
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
