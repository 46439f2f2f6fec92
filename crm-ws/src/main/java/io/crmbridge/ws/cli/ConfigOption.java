package io.crmbridge.ws.cli;

import io.crmbridge.ws.config.CrmBridgeConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the commands that open the store. */
final class ConfigOption implements CrmBridgeCommand.NeedsEnvironment {
    private java.util.Map<String, String> environment = System.getenv();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: ./crm-bridge.properties when present). Every key can be overridden by an environment variable CRMBRIDGE_<KEY>.")
    Path file;

    CrmBridgeConfig load() {
        return CrmBridgeConfig.load(Optional.ofNullable(file), environment);
    }

    java.util.Map<String, String> environment() {
        return environment;
    }

    @Override
    public void useEnvironment(java.util.Map<String, String> environment) {
        this.environment = environment;
    }
}
