package io.crmbridge.ws.server;

import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.Role;
import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.ws.access.AuthenticationInterceptor;
import io.crmbridge.ws.access.AuthorizationInterceptor;
import io.crmbridge.ws.access.FaultDetailInterceptor;
import io.crmbridge.ws.access.OperationRoles;
import io.crmbridge.ws.contacts.ContactsEndpoint;
import io.crmbridge.ws.mail.MailEndpoint;
import io.crmbridge.ws.queue.QueueEndpoint;
import io.crmbridge.ws.records.RecordsEndpoint;
import jakarta.servlet.ServletConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.common.gzip.GZIPFeature;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SOAP front end: embedded Jetty with CXF's servlet at {@code /services/*} (mail, records, queue,
 * contacts) and
 * {@code /health}. Endpoints are thin; every call is authenticated and checked against its role.
 */
public final class CrmBridgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrmBridgeServer.class);

    private final Server jetty;
    private final URI baseUri;

    private CrmBridgeServer(Server jetty, URI baseUri) {
        this.jetty = jetty;
        this.baseUri = baseUri;
    }

    public static CrmBridgeServer start(ServerSettings settings, CrmBackend backend) {
        return start(settings, backend, Optional.empty());
    }

    /** With contact sync: records upserted through SOAP are queued for it, and {@code /services/contacts} drives it. */
    public static CrmBridgeServer start(ServerSettings settings, CrmBackend backend, Optional<ContactSync> contactSync) {
        Server jetty = new Server();
        ServerConnector connector = settings.tls().map(tls -> https(jetty, tls)).orElseGet(() -> new ServerConnector(jetty));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("cxf", new ServicesServlet(backend, contactSync, settings.maxBatch())), "/services/*");
        context.addServlet(new ServletHolder("health", new HealthServlet(backend)), "/health");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        String scheme = settings.tls().isPresent() ? "https" : "http";
        String host = "0.0.0.0".equals(settings.host()) ? "localhost" : settings.host();
        URI base = URI.create(scheme + "://" + host + ":" + connector.getLocalPort() + "/");
        LOG.info("CRM Bridge listening on {} (services under {}services/)", base, base);
        if (settings.tls().isEmpty() && !connector.getHost().startsWith("127.")) {
            LOG.warn("Serving plain HTTP on {}: Basic credentials cross the network unencrypted. Set server.tls.keystore for HTTPS.",
                    settings.host());
        }
        return new CrmBridgeServer(jetty, base);
    }

    /** E.g. {@code http://localhost:8080/}. */
    public URI baseUri() {
        return baseUri;
    }

    public URI serviceUri(String service) {
        return baseUri.resolve("services/" + service);
    }

    @Override
    public void close() {
        stopQuietly(jetty);
        LOG.info("CRM Bridge stopped listening on {}", baseUri);
    }

    private static ServerConnector https(Server jetty, ServerSettings.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyStoreType(tls.type());
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer());
        return new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(config));
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly: {}", e.toString());
        }
    }

    /** CXF's servlet with the services published on its own bus once the servlet starts. */
    private static final class ServicesServlet extends CXFNonSpringServlet {
        private static final long serialVersionUID = 1L;
        private final transient CrmBackend backend;
        private final transient Optional<ContactSync> contactSync;
        private final int maxBatch;

        ServicesServlet(CrmBackend backend, Optional<ContactSync> contactSync, int maxBatch) {
            this.backend = backend;
            this.contactSync = contactSync;
            this.maxBatch = maxBatch;
        }

        @Override
        protected void loadBus(ServletConfig servletConfig) {
            super.loadBus(servletConfig);
            BusFactory.setThreadDefaultBus(getBus());
            publish("/mail", new MailEndpoint(backend.mailIntake(), backend.outgoingTagging(), backend::mailSender, maxBatch),
                    new OperationRoles(MailEndpoint.NAMESPACE, Map.of(
                            "SubmitMail", Set.of(Role.AGENT),
                            "GetMailStatus", Set.of(Role.AGENT),
                            "TagOutgoing", Set.of(Role.AGENT),
                            "SendMail", Set.of(Role.INTEGRATOR))));
            publish("/records", new RecordsEndpoint(backend.records(), backend.activities(), maxBatch,
                    ids -> contactSync.ifPresent(sync -> sync.enqueueChanged(ids))), new OperationRoles(RecordsEndpoint.NAMESPACE,
                    Map.of("UpsertRecords", Set.of(Role.INTEGRATOR), "GetActivities", Set.of(Role.INTEGRATOR))));
            publish("/queue", new QueueEndpoint(backend.reviewQueue()), new OperationRoles(QueueEndpoint.NAMESPACE, Map.of(
                    "ListUnresolved", Set.of(Role.INTEGRATOR),
                    "LinkActivity", Set.of(Role.INTEGRATOR),
                    "CreateRecordAndLink", Set.of(Role.INTEGRATOR),
                    "IgnoreActivity", Set.of(Role.INTEGRATOR))));
            publish("/contacts", new ContactsEndpoint(contactSync), new OperationRoles(ContactsEndpoint.NAMESPACE,
                    Map.of("SyncContacts", Set.of(Role.INTEGRATOR), "GetSyncStatus", Set.of(Role.INTEGRATOR))));
        }

        private void publish(String address, Object endpoint, OperationRoles roles) {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(getBus());
            factory.setServiceBean(endpoint);
            factory.setAddress(address);
            factory.getInInterceptors().add(new AuthenticationInterceptor(backend.apiUsers(), roles.serviceNamespace()));
            factory.getInInterceptors().add(new AuthorizationInterceptor(roles));
            factory.getOutFaultInterceptors().add(new FaultDetailInterceptor(roles.serviceNamespace()));
            factory.getFeatures().add(new GZIPFeature());
            factory.create();
        }
    }
}
