package io.crmbridge.design.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.design.generate.GenerateDesign;
import io.crmbridge.design.testing.AgentJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallDesignTest {
    @TempDir
    Path dir;

    @Test
    void helpExitsZeroAndABadCommandLineTwo() {
        assertThat(InstallDesign.run(new String[] {"--help"})).isZero();
        assertThat(InstallDesign.run(new String[0])).isEqualTo(2);
        assertThat(InstallDesign.run(new String[] {"--dxl", dir.resolve("missing.dxl").toString(), "mail/a.nsf"})).isEqualTo(2);
    }

    @Test
    void withoutANotesRuntimeTheSessionFailsWithStatusOne() throws Exception {
        Path jar = AgentJars.jar(dir.resolve("agent.jar"), AgentJars.INBOX, AgentJars.SENT);
        Path dxl = dir.resolve("design.dxl");
        GenerateDesign.main(new String[] {"--agent-jar", jar.toString(), "--out", dxl.toString()});

        // The notes-api stand-in's NotesFactory refuses to make a session, as a machine without Notes would.
        assertThat(InstallDesign.run(new String[] {"--dxl", dxl.toString(), "mail/a.nsf"})).isEqualTo(1);
    }
}
