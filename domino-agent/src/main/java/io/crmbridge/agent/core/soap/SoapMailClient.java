package io.crmbridge.agent.core.soap;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.submit.MailTransport;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.agent.core.tag.OutgoingMail;
import io.crmbridge.agent.core.tag.TagAnswer;
import io.crmbridge.agent.core.tag.TagService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLException;
import javax.xml.stream.XMLStreamException;

/**
 * Calls the CRM Bridge mail service ({@code http://crmbridge.io/ws/mail/v1}) with nothing but the
 * JDK: HttpURLConnection, StAX, HTTP Basic and optionally a WS-Security UsernameToken, gzip both ways.
 * HTTPS is verified against the JVM's trust store. Thread-safe: each call opens its own connection.
 *
 * <p>Failures become a {@link TransportException} with a stable code: UNREACHABLE (refused, unknown
 * host, no route, connect timeout: nothing reached the server), TIMEOUT (no answer within the read
 * timeout, or the whole call past its {@linkplain SoapClientSettings#callTimeoutMillis() limit}: the batch
 * may or may not be stored), TLS_ERROR, IO_ERROR, INVALID_RESPONSE, the
 * ServiceError code of a SOAP fault (AUTHENTICATION_FAILED, ACCESS_DENIED, INVALID_REQUEST, ...),
 * else HTTP_&lt;status&gt;. Neither the password nor message content is ever logged.
 */
public final class SoapMailClient implements MailTransport, TagService {
    private static final String ACTION_BASE = Envelopes.MAIL_NS + "/";
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private final SoapClientSettings settings;
    private final AgentLog log;
    private final Envelopes envelopes;
    private final String authorization;
    /** Switched off for good when the server refuses a compressed request (HTTP 415). */
    private volatile boolean gzipRequests;

    public SoapMailClient(SoapClientSettings settings) {
        this(settings, null);
    }

    /** @param log where to note protocol fallbacks (e.g. the server refusing gzip); may be null */
    public SoapMailClient(SoapClientSettings settings, AgentLog log) {
        if (settings == null) {
            throw new IllegalArgumentException("the client needs settings");
        }
        this.settings = settings;
        this.log = log;
        this.envelopes = new Envelopes(settings.user(), settings.password(), settings.wsSecurity());
        this.authorization = settings.user().isEmpty() ? null : basic(settings.user(), settings.password());
        this.gzipRequests = settings.gzipRequests();
    }

    /** Submits one batch; answers the receipts in the service's order. */
    @Override
    public List<Receipt> submit(List<MailMessage> batch) throws TransportException {
        if (batch.isEmpty()) {
            return Collections.emptyList();
        }
        byte[] request;
        try {
            request = envelopes.submitMail(batch);
        } catch (XMLStreamException e) {
            throw new TransportException("CLIENT_ERROR", "could not write the SubmitMail request: " + e.getMessage(), e);
        }
        return Answers.receipts(call("SubmitMail", request));
    }

    /** Asks what became of submitted messages, by receipt id. */
    public List<MailStatus> getMailStatus(List<String> receiptIds) throws TransportException {
        if (receiptIds.isEmpty()) {
            return Collections.emptyList();
        }
        byte[] request;
        try {
            request = envelopes.getMailStatus(receiptIds);
        } catch (XMLStreamException e) {
            throw new TransportException("CLIENT_ERROR", "could not write the GetMailStatus request: " + e.getMessage(), e);
        }
        return Answers.statuses(call("GetMailStatus", request));
    }

    /**
     * Asks which record's tag an outgoing mail should carry ({@code TagOutgoing}); an answer without
     * tag when it belongs to none. Fails like every call of this client (see the class comment).
     */
    @Override
    public TagAnswer tagOutgoing(OutgoingMail mail) throws TransportException {
        byte[] request;
        try {
            request = envelopes.tagOutgoing(mail);
        } catch (XMLStreamException e) {
            throw new TransportException("CLIENT_ERROR", "could not write the TagOutgoing request: " + e.getMessage(), e);
        }
        return Answers.tagAnswer(call("TagOutgoing", request));
    }

    public SoapClientSettings settings() {
        return settings;
    }

    private XmlElement call(String operation, byte[] request) throws TransportException {
        boolean compress = gzipRequests && request.length > settings.gzipThresholdBytes();
        HttpAnswer answer = post(operation, compress ? gzip(request) : request, compress);
        if (compress && answer.status == 415) {
            gzipRequests = false;
            if (log != null) {
                log.warn("the CRM Bridge service at " + settings.endpoint() + " refused a gzip request; sending uncompressed from now on");
            }
            answer = post(operation, request, false);
        }
        return answer.payload();
    }

    private HttpAnswer post(String operation, byte[] body, boolean compressed) throws TransportException {
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) settings.endpoint().openConnection();
            c.setRequestMethod("POST");
        } catch (IOException e) {
            throw new TransportException("UNREACHABLE", "cannot open " + settings.endpoint() + ": " + e, e);
        }
        int limit = settings.callTimeoutMillis();
        c.setConnectTimeout(limit > 0 ? Math.min(limit, settings.connectTimeoutMillis()) : settings.connectTimeoutMillis());
        c.setReadTimeout(limit > 0 ? Math.min(limit, settings.readTimeoutMillis()) : settings.readTimeoutMillis());
        c.setDoOutput(true);
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        c.setRequestProperty("Content-Type", "text/xml; charset=UTF-8");
        c.setRequestProperty("SOAPAction", "\"" + ACTION_BASE + operation + "\"");
        c.setRequestProperty("Accept", "text/xml");
        c.setRequestProperty("Accept-Encoding", "gzip");
        if (compressed) {
            c.setRequestProperty("Content-Encoding", "gzip");
        }
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        CallDeadline deadline = CallDeadline.start(c, limit);
        try {
            return exchange(c, body);
        } catch (IOException e) {
            if (deadline.expired()) {
                throw new TransportException("TIMEOUT", "no complete answer from " + where() + " within " + limit
                        + " ms (the call was cut off)", e);
            }
            throw failure(c, e);
        } finally {
            deadline.close();
        }
    }

    /** Sends the request and reads the whole answer. Not in streaming mode on purpose: a 401 answer's fault body stays readable. */
    private HttpAnswer exchange(HttpURLConnection c, byte[] body) throws IOException, TransportException {
        try {
            c.connect();
        } catch (SocketTimeoutException e) {
            throw new TransportException("UNREACHABLE", "no connection to " + where() + " within "
                    + c.getConnectTimeout() + " ms", e);
        }
        OutputStream out = c.getOutputStream();
        try {
            out.write(body);
        } finally {
            out.close();
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] content = in == null ? new byte[0] : readAll(in, "gzip".equalsIgnoreCase(c.getContentEncoding()));
        return new HttpAnswer(status, c.getResponseMessage(), content);
    }

    private TransportException failure(HttpURLConnection c, IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return new TransportException("UNREACHABLE", "cannot reach " + where() + ": " + e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportException("TIMEOUT", "no answer from " + where() + " within "
                    + c.getReadTimeout() + " ms (the batch may or may not be stored)", e);
        }
        if (e instanceof SSLException) {
            return new TransportException("TLS_ERROR", "TLS with " + where() + " failed: " + e.getMessage(), e);
        }
        return new TransportException("IO_ERROR", "talking to " + where() + " failed: " + e, e);
    }

    private String where() {
        return settings.endpoint().getHost() + ":" + (settings.endpoint().getPort() < 0
                ? settings.endpoint().getDefaultPort() : settings.endpoint().getPort());
    }

    private static byte[] readAll(InputStream raw, boolean gzipped) throws IOException, TransportException {
        InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_ANSWER_BYTES) {
                    throw new TransportException("INVALID_RESPONSE", "the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }

    private static byte[] gzip(byte[] data) throws TransportException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            // Fastest level: on a batch of mail text it is about 7 times quicker than the default level and the
            // request only about a fifth larger; the default level made compression the agent's largest cost.
            GZIPOutputStream z = new GZIPOutputStream(out) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            z.write(data);
            z.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new TransportException("CLIENT_ERROR", "could not compress the request", e);
        }
    }

    private static String basic(String user, char[] password) {
        CharBuffer chars = CharBuffer.allocate(user.length() + 1 + password.length);
        chars.put(user).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        String header = "Basic " + Base64.getEncoder().encodeToString(raw);
        Arrays.fill(raw, (byte) 0);
        Arrays.fill(password, '\0');
        return header;
    }

    /** One HTTP answer, interpreted as SOAP. */
    private static final class HttpAnswer {
        final int status;
        final String statusText;
        final byte[] content;

        HttpAnswer(int status, String statusText, byte[] content) {
            this.status = status;
            this.statusText = statusText == null ? "" : statusText;
            this.content = content;
        }

        XmlElement payload() throws TransportException {
            XmlElement envelope = null;
            if (content.length > 0) {
                try {
                    envelope = XmlElement.parse(new ByteArrayInputStream(content));
                } catch (XMLStreamException e) {
                    if (status == 200) {
                        throw new TransportException("INVALID_RESPONSE", "the answer is not well-formed XML: " + e.getMessage(), e);
                    }
                }
            }
            if (envelope != null && envelope.is(Envelopes.SOAP_NS, "Envelope")) {
                XmlElement payload = Answers.payload(envelope);
                if (Answers.isFault(payload)) {
                    throw Answers.fault(payload, status);
                }
                if (status == 200) {
                    return payload;
                }
            }
            if (status == 200) {
                throw new TransportException("INVALID_RESPONSE", "the answer is not a SOAP envelope");
            }
            throw new TransportException("HTTP_" + status, "the service answered HTTP " + status
                    + (statusText.isEmpty() ? "" : " " + statusText));
        }
    }
}
