package io.crmbridge.ws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The POSIX launcher, run by sh against a stand-in java that prints the command line it was given. */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    private static final Path LAUNCHER = Path.of("src/main/dist/bin/crm-bridge");

    @TempDir
    Path dir;

    @Test
    void importMailRunsInASmallHeap() throws Exception {
        List<String> line = launch(Map.of(), "import-mail", "archive.mbox", "--mailbox", "jane@acme.example");

        assertThat(line).containsExactly("-Xmx128m", "-jar", installed().resolve("crm-bridge.jar").toString(),
                "import-mail", "archive.mbox", "--mailbox", "jane@acme.example");
    }

    @Test
    void otherCommandsKeepTheJvmDefaults() throws Exception {
        List<String> line = launch(Map.of(), "serve", "--port", "8080");

        assertThat(line).containsExactly("-jar", installed().resolve("crm-bridge.jar").toString(), "serve", "--port", "8080");
    }

    @Test
    void theOperatorsOwnOptionsComeLastSoTheyWin() throws Exception {
        List<String> line = launch(Map.of("CRMBRIDGE_JAVA_OPTS", "-Xmx1g -Dfile.encoding=UTF-8"), "import-mail", "a b.eml");

        assertThat(line).containsExactly("-Xmx128m", "-Xmx1g", "-Dfile.encoding=UTF-8", "-jar",
                installed().resolve("crm-bridge.jar").toString(), "import-mail", "a b.eml");
    }

    /** The launcher as installed (bin/ beside crm-bridge.jar), run with a JAVA_HOME whose java echoes its arguments. */
    private List<String> launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(installed().resolve("bin"));
        Files.copy(LAUNCHER, bin.resolve("crm-bridge"));
        Path javaHome = dir.resolve("jdk");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(concat("sh", bin.resolve("crm-bridge").toString(), args)).redirectErrorStream(true);
        pb.environment().remove("CRMBRIDGE_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }

    private Path installed() {
        return dir.resolve("crm-bridge").toAbsolutePath();
    }

    private static String[] concat(String a, String b, String... rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
