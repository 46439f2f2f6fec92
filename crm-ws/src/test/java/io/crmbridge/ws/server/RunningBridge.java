package io.crmbridge.ws.server;

import io.crmbridge.agent.core.soap.SoapClientSettings;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.Role;
import java.nio.file.Path;

/** A real backend on H2 in a directory and a real server on a free loopback port, with one user per role. */
public final class RunningBridge implements AutoCloseable {
    public static final String PASSWORD = "s3cret-Pässword";

    public final CrmBackend backend;
    public final CrmBridgeServer server;

    private RunningBridge(CrmBackend backend, CrmBridgeServer server) {
        this.backend = backend;
        this.server = server;
    }

    public static RunningBridge start(Path dataDir) {
        return start(dataDir, settings -> settings);
    }

    /** With changed backend settings (SMTP, internal domains, ...). */
    public static RunningBridge start(Path dataDir, java.util.function.UnaryOperator<BackendSettings> change) {
        CrmBackend backend = CrmBackend.start(change.apply(BackendSettings.embedded(dataDir)));
        try {
            for (Role role : Role.values()) {
                backend.apiUsers().add(userFor(role), role, PASSWORD.toCharArray());
            }
            return new RunningBridge(backend, CrmBridgeServer.start(ServerSettings.loopback(0), backend));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    public static String userFor(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "-user";
    }

    public String url(String service) {
        return server.serviceUri(service).toString();
    }

    /** The agent's own SOAP client, logged in with the given role. */
    public SoapMailClient mailClient(Role role) {
        return new SoapMailClient(SoapClientSettings.builder(url("mail")).credentials(userFor(role), PASSWORD.toCharArray()).build());
    }

    @Override
    public void close() {
        server.close();
        backend.close();
    }
}
