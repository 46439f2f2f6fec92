package io.crmbridge.bench.ingest;

import com.sun.net.httpserver.HttpServer;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.soap.SoapClientSettings;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.MailSubmitter;
import io.crmbridge.agent.core.submit.MailTransport;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.SubmitterSettings;
import io.crmbridge.agent.core.submit.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the exact requests the agent's SOAP client sends for each batch (headers and body, compressed as on
 * the wire), so the HTTP echo ceiling can POST the same bytes. Batches are keyed by their first client reference;
 * the submitter cuts a stream into the same batches every time.
 */
final class WireCapture {
    private static final byte[] EMPTY_ANSWER = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><m:SubmitMailResponse xmlns:m=\"http://crmbridge.io/ws/mail/v1\"/></soap:Body></soap:Envelope>")
            .getBytes(StandardCharsets.UTF_8);

    /** One request as sent. */
    record Request(Map<String, String> headers, byte[] body) {
    }

    private WireCapture() {
    }

    static Map<String, Request> capture(List<List<MailMessage>> agents, SubmitterSettings settings, String user, String password)
            throws IOException {
        Map<String, Request> byFirstRef = new HashMap<>();
        Request[] last = new Request[1];
        HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : List.of("Content-Type", "SOAPAction", "Accept", "Accept-Encoding", "Content-Encoding", "Authorization")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            synchronized (last) {
                last[0] = new Request(headers, body);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, EMPTY_ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(EMPTY_ANSWER);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/services/mail";
            for (List<MailMessage> messages : agents) {
                SoapMailClient client = new SoapMailClient(SoapClientSettings.builder(url)
                        .credentials(user, password.toCharArray()).build());
                MailTransport capturing = new MailTransport() {
                    @Override
                    public synchronized List<Receipt> submit(List<MailMessage> batch) throws TransportException {
                        List<Receipt> answer = client.submit(batch);
                        synchronized (last) {
                            byFirstRef.put(batch.get(0).clientRef(), last[0]);
                        }
                        return answer;
                    }
                };
                MailSubmitter submitter = new MailSubmitter(capturing, settings.withThreads(1), io.crmbridge.agent.core.log.AgentLog.to(System.err));
                messages.forEach(submitter::submit);
                submitter.finish();
            }
        } finally {
            server.stop(0);
        }
        return byFirstRef;
    }
}
