package io.crmbridge.ws.cli;

import picocli.CommandLine;

/** The version from the jar's manifest ("development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CrmBridgeCommand.class.getPackage().getImplementationVersion();
        return new String[] {"crm-bridge " + (version == null ? "development" : version)};
    }
}
