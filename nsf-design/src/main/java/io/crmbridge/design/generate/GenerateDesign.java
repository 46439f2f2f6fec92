package io.crmbridge.design.generate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The build step that turns the built agent jar into {@code crm-bridge-design.dxl}.
 *
 * <p>{@code GenerateDesign --agent-jar PATH [--built-in DIR] --out FILE [--out FILE...]}: every agent of
 * {@code agents.properties} whose class is in the jar goes into the DXL; a missing required agent fails the build,
 * a missing optional one is left out with a line saying so. With {@code --built-in}, a jar from anywhere else (a
 * stale one from the local Maven repository, when domino-agent was left out of the reactor) fails the build.
 */
public final class GenerateDesign {

    private static final String USAGE = "usage: GenerateDesign --agent-jar PATH [--built-in DIR] --out FILE [--out FILE...]";

    private final PrintStream log;

    GenerateDesign(PrintStream log) {
        this.log = log;
    }

    /** Exceptions propagate: exec:java runs this inside Maven, where System.exit would end the build JVM. */
    public static void main(String[] args) throws Exception {
        Path agentJar = null;
        Path builtIn = null;
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--agent-jar".equals(args[i]) && i + 1 < args.length) {
                agentJar = Paths.get(args[++i]);
            } else if ("--built-in".equals(args[i]) && i + 1 < args.length) {
                builtIn = Paths.get(args[++i]);
            } else if ("--out".equals(args[i]) && i + 1 < args.length) {
                outputs.add(Paths.get(args[++i]));
            } else {
                throw new IllegalArgumentException(USAGE
                        + " (unexpected '" + args[i] + "')");
            }
        }
        if (agentJar == null || outputs.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        if (builtIn != null && !agentJar.toAbsolutePath().normalize().startsWith(builtIn.toAbsolutePath().normalize())) {
            throw new IllegalStateException("the agent jar " + agentJar + " was not built by this build (expected it under "
                    + builtIn + "): build domino-agent in the same reactor, e.g. ./mvnw -pl nsf-design -am package");
        }
        new GenerateDesign(System.out).generate(AgentJar.read(agentJar), AgentCatalog.bundled(),
                SettingsForm.bundled(), outputs);
    }

    /** Writes the DXL for the agents of {@code catalog} found in {@code jar} to every path of {@code outputs}. */
    void generate(AgentJar jar, List<AgentDefinition> catalog, SettingsForm form, List<Path> outputs) throws Exception {
        List<AgentDefinition> agents = new ArrayList<>();
        for (AgentDefinition agent : catalog) {
            if (jar.contains(agent.classEntry())) {
                agents.add(agent);
            } else if (agent.optional()) {
                log.println("CRM Bridge design: left out agent '" + agent.name() + "': " + agent.className()
                        + " is not in " + jar.path().getFileName());
            } else {
                throw new IllegalStateException("agent '" + agent.name() + "' needs " + agent.className() + ", which is not in "
                        + jar.path() + "; the DXL would hold a broken agent");
            }
        }
        ByteArrayOutputStream dxl = new ByteArrayOutputStream();
        DesignWriter.write(agents, form, jar, dxl);
        for (Path output : outputs) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(output, dxl.toByteArray());
        }
        StringBuilder names = new StringBuilder();
        for (AgentDefinition agent : agents) {
            names.append(names.length() == 0 ? "" : ", ").append(agent.name());
        }
        log.println("CRM Bridge design: wrote " + outputs.get(0) + " (" + dxl.size() + " bytes) with the agents "
                + names + " carrying " + jar.path().getFileName() + " (" + jar.size() + " bytes), and the form "
                + form.name());
    }
}
