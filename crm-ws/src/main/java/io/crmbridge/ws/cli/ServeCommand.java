package io.crmbridge.ws.cli;

import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.backend.exchange.sync.ContactSyncSettings;
import java.util.Optional;
import io.crmbridge.ws.config.CrmBridgeConfig;
import io.crmbridge.ws.config.CrmBridgeConfig.ConfigKey;
import io.crmbridge.ws.server.CrmBridgeServer;
import io.crmbridge.ws.server.ServerSettings;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the SOAP front end and the workers, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the SOAP front end and the workers until stopped (Ctrl-C or SIGTERM).")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOption config;

    @Option(names = "--port", description = "Port to listen on (overrides server.port).")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        CrmBridgeConfig settings = config.load();
        if (port != null) {
            settings = settings.with(ConfigKey.SERVER_PORT, port.toString());
        }
        LOG.info("Starting CRM Bridge with settings from {}", settings.source());
        Optional<ContactSyncSettings> contacts = settings.contactSync();
        CrmBackend backend = CrmBackend.start(settings.backend());
        Optional<ContactSync> contactSync = Optional.empty();
        CrmBridgeServer server;
        try {
            contactSync = contacts.map(backend::contactSync);
            contactSync.ifPresent(ContactSync::start);
            contacts.ifPresent(c -> LOG.info("Contact sync to {} Exchange mailbox(es) is on", c.mailboxes().size()));
            server = CrmBridgeServer.start(ServerSettings.from(settings), backend, contactSync);
        } catch (RuntimeException e) {
            contactSync.ifPresent(ContactSync::close);
            backend.close();
            throw e;
        }
        awaitShutdown(server, contactSync, backend);
        return CrmBridgeCommand.OK;
    }

    /** Blocks until the JVM is asked to stop, then stops the listener first, the contact sync, and the workers last. */
    static void awaitShutdown(CrmBridgeServer server, Optional<ContactSync> contactSync, CrmBackend backend)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            contactSync.ifPresent(ContactSync::close);
            backend.close();
            closed.countDown();
        }, "crm-bridge-shutdown"));
        closed.await();
    }
}
