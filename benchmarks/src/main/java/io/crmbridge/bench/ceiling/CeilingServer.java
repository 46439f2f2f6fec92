package io.crmbridge.bench.ceiling;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.common.gzip.GZIPFeature;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The ceilings the product is compared with, each in its own JVM like the product's server, on the same Jetty
 * as the product ({@code new Server()}, default thread pool, a servlet context):
 * {@code cxf PORT} publishes {@link NullMailEndpoint} at {@code /services/mail} through CXF's servlet with the
 * product's GZIP feature; {@code echo PORT} answers every POST to {@code /echo} with the bytes it got.
 */
public final class CeilingServer {
    private CeilingServer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        switch (mode) {
            case "cxf" -> context.addServlet(new ServletHolder("cxf", new NullServicesServlet()), "/services/*");
            case "echo" -> context.addServlet(new ServletHolder("echo", new EchoServlet()), "/echo");
            default -> throw new IllegalArgumentException("mode is cxf or echo, not " + mode);
        }
        jetty.setHandler(context);
        jetty.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                jetty.stop();
            } catch (Exception e) {
                // exiting anyway
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    /** CXF's servlet publishing the null endpoint, the way the product's server publishes the real one. */
    private static final class NullServicesServlet extends CXFNonSpringServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void loadBus(ServletConfig servletConfig) {
            super.loadBus(servletConfig);
            BusFactory.setThreadDefaultBus(getBus());
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(getBus());
            factory.setServiceBean(new NullMailEndpoint());
            factory.setAddress("/mail");
            factory.getFeatures().add(new GZIPFeature());
            factory.create();
        }
    }

    /** Sends back what it got; GET answers "ok" (for the start-up check). */
    private static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readAllBytes();
            }
            response.setStatus(200);
            response.setContentType("application/octet-stream");
            response.setContentLength(body.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(200);
            response.getWriter().write("ok");
        }
    }
}
