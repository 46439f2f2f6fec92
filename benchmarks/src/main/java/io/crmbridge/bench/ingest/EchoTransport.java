package io.crmbridge.bench.ingest;

import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.submit.MailTransport;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * POSTs the bytes the SOAP client sent for a batch (see {@link WireCapture}) to the HTTP echo with the same
 * headers and the same JDK client (HttpURLConnection, keep-alive), reads the echo, and counts every message as
 * acknowledged: what moving the payload over HTTP on this machine costs, with no XML at either end.
 */
final class EchoTransport implements MailTransport {
    private final URL echo;
    private final Map<String, WireCapture.Request> requests;

    EchoTransport(URL echo, Map<String, WireCapture.Request> requests) {
        this.echo = echo;
        this.requests = requests;
    }

    @Override
    public List<Receipt> submit(List<MailMessage> batch) throws TransportException {
        WireCapture.Request request = requests.get(batch.get(0).clientRef());
        if (request == null) {
            throw new TransportException("CLIENT_ERROR", "no captured request for the batch starting " + batch.get(0).clientRef());
        }
        try {
            HttpURLConnection c = (HttpURLConnection) echo.openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setUseCaches(false);
            request.headers().forEach(c::setRequestProperty);
            try (OutputStream out = c.getOutputStream()) {
                out.write(request.body());
            }
            if (c.getResponseCode() != 200) {
                throw new TransportException("HTTP_" + c.getResponseCode(), "the echo answered " + c.getResponseCode());
            }
            try (InputStream in = c.getInputStream()) {
                byte[] back = in.readAllBytes();
                if (back.length != request.body().length) {
                    throw new TransportException("INVALID_RESPONSE", "the echo sent " + back.length + " bytes for " + request.body().length);
                }
            }
        } catch (IOException e) {
            throw new TransportException("IO_ERROR", "echo failed: " + e, e);
        }
        List<Receipt> receipts = new ArrayList<>(batch.size());
        for (MailMessage m : batch) {
            receipts.add(new Receipt(m.clientRef(), Receipt.Status.ACCEPTED, "echo", "", ""));
        }
        return receipts;
    }
}
