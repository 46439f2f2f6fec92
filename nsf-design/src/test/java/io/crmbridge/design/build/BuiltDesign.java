package io.crmbridge.design.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** What this build produced, as failsafe hands it to the integration tests. */
final class BuiltDesign {
    private BuiltDesign() {
    }

    /** target/crm-bridge-design.dxl. */
    static Path dxl() {
        return existing("design.dxl");
    }

    /** The domino-agent jar this build packaged. */
    static Path agentJar() {
        return existing("agent.jar");
    }

    /** target/crm-bridge-design.jar, the installer. */
    static Path installerJar() {
        Path jar = dxl().resolveSibling("crm-bridge-design.jar");
        assertThat(jar).isRegularFile();
        return jar;
    }

    static String text(Path file) throws Exception {
        return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Path existing(String property) {
        String value = System.getProperty(property, "");
        assertThat(value).as("system property " + property + " (set by failsafe in nsf-design/pom.xml)").isNotEmpty();
        Path path = Paths.get(value);
        assertThat(path).isRegularFile();
        return path;
    }
}
