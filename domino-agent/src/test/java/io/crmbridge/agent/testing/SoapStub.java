package io.crmbridge.agent.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A JDK HTTP server on a free port answering canned SOAP, recording what it was sent. */
public final class SoapStub implements AutoCloseable {
    /** One request as the server saw it, body already un-gzipped. */
    public static final class Request {
        public final Headers headers;
        public final byte[] rawBody;
        public final String body;

        Request(Headers headers, byte[] rawBody, String body) {
            this.headers = headers;
            this.rawBody = rawBody;
            this.body = body;
        }
    }

    /** What to answer. */
    public interface Responder {
        void respond(HttpExchange exchange, Request request) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released on close so a handler that hangs (timeout tests) ends. */
    public final CountDownLatch release = new CountDownLatch(1);
    private volatile Responder responder = (ex, req) -> send(ex, 200, envelope("<m:SubmitMailResponse xmlns:m=\"http://crmbridge.io/ws/mail/v1\"/>"), false);

    public SoapStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/services/mail", ex -> {
            try {
                byte[] raw = ex.getRequestBody().readAllBytes();
                boolean gz = "gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"));
                byte[] plain = gz ? gunzip(raw) : raw;
                Request r = new Request(ex.getRequestHeaders(), raw, new String(plain, StandardCharsets.UTF_8));
                requests.add(r);
                responder.respond(ex, r);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/mail";
    }

    public void answer(Responder r) {
        responder = r;
    }

    public List<Request> requests() {
        return requests;
    }

    public static String envelope(String payload) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + payload + "</soap:Body></soap:Envelope>";
    }

    /** A TagOutgoingResponse as the service writes it; null values are left out. */
    public static String tagAnswer(String tag, String subject, String type, String id, String name, String correlation,
            String evidence) {
        return envelope("<m:TagOutgoingResponse xmlns:m=\"http://crmbridge.io/ws/mail/v1\">"
                + (tag == null ? "" : "<m:tag>" + tag + "</m:tag>")
                + "<m:subject>" + subject + "</m:subject>"
                + (id == null ? "" : "<m:regarding><m:type>" + type + "</m:type><m:id>" + id + "</m:id>"
                        + (name == null ? "" : "<m:name>" + name + "</m:name>") + "</m:regarding>")
                + (correlation == null ? "" : "<m:correlation>" + correlation + "</m:correlation>")
                + (evidence == null ? "" : "<m:evidence>" + evidence + "</m:evidence>")
                + "</m:TagOutgoingResponse>");
    }

    /** A SubmitMailResponse accepting every message of the SubmitMail request. */
    public static String acceptingAll(String submitMailRequest) {
        StringBuilder receipts = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<m:clientRef>([^<]*)</m:clientRef>").matcher(submitMailRequest);
        while (m.find()) {
            receipts.append("<m:receipt><m:clientRef>").append(m.group(1)).append("</m:clientRef><m:status>ACCEPTED</m:status>")
                    .append("<m:receiptId>r-").append(m.group(1)).append("</m:receiptId></m:receipt>");
        }
        return envelope("<m:SubmitMailResponse xmlns:m=\"http://crmbridge.io/ws/mail/v1\">" + receipts + "</m:SubmitMailResponse>");
    }

    /** The operation a request calls, from its SOAPAction header (e.g. "TagOutgoing"). */
    public static String operation(Request request) {
        String action = request.headers.getFirst("SOAPAction");
        String a = action == null ? "" : action.replace("\"", "");
        return a.substring(a.lastIndexOf('/') + 1);
    }

    public static String fault(String code, String message) {
        return envelope("<soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + message + "</faultstring>"
                + "<detail><ns2:ServiceError xmlns:ns2=\"http://crmbridge.io/ws/mail/v1\"><ns2:code>" + code
                + "</ns2:code><ns2:message>" + message + "</ns2:message></ns2:ServiceError></detail></soap:Fault>");
    }

    public static void send(HttpExchange ex, int status, String body, boolean gzip) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(bytes);
            }
            bytes = out.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
