package io.crmbridge.agent.core.soap;

import static io.crmbridge.agent.testing.Messages.full;
import static io.crmbridge.agent.testing.Messages.message;
import static io.crmbridge.agent.testing.SoapStub.envelope;
import static io.crmbridge.agent.testing.SoapStub.fault;
import static io.crmbridge.agent.testing.SoapStub.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.agent.testing.MailContract;
import io.crmbridge.agent.testing.SoapStub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SoapMailClientTest {
    private static final String NS = "http://crmbridge.io/ws/mail/v1";
    private SoapStub server;

    @BeforeEach
    void start() throws Exception {
        server = new SoapStub();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SoapClientSettings.Builder settings() {
        return SoapClientSettings.builder(server.url()).credentials("agent", "s3cret:pw".toCharArray());
    }

    private SoapMailClient client() {
        return new SoapMailClient(settings().build());
    }

    private static String receipts(String... receipts) {
        return envelope("<ns2:SubmitMailResponse xmlns:ns2=\"" + NS + "\">" + String.join("", receipts) + "</ns2:SubmitMailResponse>");
    }

    private static String receipt(String ref, String status, String id, String code, String reason) {
        return "<ns2:receipt><ns2:clientRef>" + ref + "</ns2:clientRef><ns2:status>" + status + "</ns2:status>"
                + (id == null ? "" : "<ns2:receiptId>" + id + "</ns2:receiptId>")
                + (code == null ? "" : "<ns2:faultCode>" + code + "</ns2:faultCode><ns2:reason>" + reason + "</ns2:reason>")
                + "</ns2:receipt>";
    }

    @Test
    void submitsABatchAndMapsTheReceipts() throws Exception {
        server.answer((ex, req) -> send(ex, 200, receipts(
                receipt("A", "ACCEPTED", "r-1", null, null),
                receipt("B", "DUPLICATE", "r-0", null, null),
                receipt("C", "REJECTED", null, "INVALID_MESSAGE", "no mailbox")), false));

        List<Receipt> answer = client().submit(List.of(message("A"), message("B"), message("C")));

        assertThat(answer).extracting(Receipt::clientRef, Receipt::status, Receipt::receiptId, Receipt::faultCode, Receipt::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", Receipt.Status.ACCEPTED, "r-1", "", ""),
                        org.assertj.core.groups.Tuple.tuple("B", Receipt.Status.DUPLICATE, "r-0", "", ""),
                        org.assertj.core.groups.Tuple.tuple("C", Receipt.Status.REJECTED, "", "INVALID_MESSAGE", "no mailbox"));
    }

    @Test
    void sendsSoap11WithTheOperationsActionAndBasicAuth() throws Exception {
        client().submit(List.of(message("A")));

        SoapStub.Request req = server.requests().get(0);
        assertThat(req.headers.getFirst("Content-Type")).isEqualTo("text/xml; charset=UTF-8");
        assertThat(req.headers.getFirst("SOAPAction")).isEqualTo("\"http://crmbridge.io/ws/mail/v1/SubmitMail\"");
        assertThat(req.headers.getFirst("Accept-Encoding")).isEqualTo("gzip");
        assertThat(req.headers.getFirst("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("agent:s3cret:pw".getBytes(StandardCharsets.UTF_8)));
        assertThat(req.body).doesNotContain("s3cret").doesNotContain("Security");
    }

    @Test
    void everyFieldIsWrittenInTheContractsOrderAndValidatesAgainstTheXsd() throws Exception {
        client().submit(List.of(full("A"), message("B")));

        String body = server.requests().get(0).body;
        MailContract.validatePayload(body);
        Element first = firstMessage(MailContract.parse(body));
        assertThat(childNames(first)).containsExactly("clientRef", "mailbox", "folder", "messageId", "inReplyTo",
                "references", "references", "subject", "from", "to", "to", "cc", "bcc", "postedAt", "deliveredAt",
                "body", "bodyTruncated", "attachment", "attachment", "replicaId", "unid");
        assertThat(text(first, "subject")).isEqualTo("Re: Angebot für Müller CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC");
        assertThat(text(first, "postedAt")).isEqualTo("2024-03-01T10:15:30Z");
        assertThat(text(first, "body")).as("control characters are dropped, markup escaped")
                .isEqualTo("Dear Bob,\n\nsee attached <offer> & price.\n");
        Element to = (Element) first.getElementsByTagNameNS(NS, "to").item(1);
        assertThat(childNames(to)).containsExactly("notesName");
    }

    @Test
    void optionalElementsThatAreEmptyAreLeftOut() throws Exception {
        MailMessage bare = MailMessage.builder().clientRef("X").mailbox("jane@acme.example")
                .folder(io.crmbridge.agent.core.mail.Folder.INBOX).build();
        client().submit(List.of(bare));

        String body = server.requests().get(0).body;
        MailContract.validatePayload(body);
        assertThat(childNames(firstMessage(MailContract.parse(body)))).containsExactly("clientRef", "mailbox", "folder");
    }

    @Test
    void addsAUsernameTokenTheServerNeedNotUnderstandWhenAsked() throws Exception {
        new SoapMailClient(settings().wsSecurity(true).build()).submit(List.of(message("A")));

        Document doc = MailContract.parse(server.requests().get(0).body);
        String wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
        Element security = (Element) doc.getElementsByTagNameNS(wsse, "Security").item(0);
        assertThat(security.getParentNode().getLocalName()).isEqualTo("Header");
        assertThat(security.getAttributeNS("http://schemas.xmlsoap.org/soap/envelope/", "mustUnderstand")).isEqualTo("0");
        assertThat(doc.getElementsByTagNameNS(wsse, "Username").item(0).getTextContent()).isEqualTo("agent");
        Element password = (Element) doc.getElementsByTagNameNS(wsse, "Password").item(0);
        assertThat(password.getTextContent()).isEqualTo("s3cret:pw");
        assertThat(password.getAttribute("Type")).endsWith("#PasswordText");
    }

    @Test
    void aFaultWithAServiceErrorGivesItsCode() {
        server.answer((ex, req) -> send(ex, 500, fault("ACCESS_DENIED", "user agent may not call this"), false));

        assertThatThrownBy(() -> client().submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.code()).isEqualTo("ACCESS_DENIED");
                    assertThat(e.getMessage()).isEqualTo("user agent may not call this");
                });
    }

    @Test
    void a401WithAFaultGivesTheFaultsCode() {
        server.answer((ex, req) -> {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"crm-bridge\"");
            send(ex, 401, fault("AUTHENTICATION_FAILED", "wrong user or password"), false);
        });

        assertThatThrownBy(() -> client().submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("AUTHENTICATION_FAILED"));
    }

    @Test
    void a401WithoutSoapGivesTheHttpStatus() {
        server.answer((ex, req) -> {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"crm-bridge\"");
            send(ex, 401, "", false);
        });

        assertThatThrownBy(() -> client().submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("HTTP_401"));
    }

    @Test
    void aFaultWithoutDetailGivesTheHttpStatus() {
        server.answer((ex, req) -> send(ex, 500, envelope(
                "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>boom</faultstring></soap:Fault>"), false));

        assertThatThrownBy(() -> client().submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.code()).isEqualTo("HTTP_500");
                    assertThat(e.getMessage()).isEqualTo("boom");
                });
    }

    @Test
    void anHtmlErrorPageGivesTheHttpStatus() {
        server.answer((ex, req) -> send(ex, 503, "<html><body>down</body></html>", false));

        assertThatThrownBy(() -> client().submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("HTTP_503"));
    }

    @Test
    void decodesAGzipAnswer() throws Exception {
        server.answer((ex, req) -> send(ex, 200, receipts(receipt("A", "ACCEPTED", "r-1", null, null)), true));

        assertThat(client().submit(List.of(message("A")))).extracting(Receipt::receiptId).containsExactly("r-1");
    }

    @Test
    void compressesRequestsAboveTheThresholdOnly() throws Exception {
        SoapMailClient client = new SoapMailClient(settings().gzipThresholdBytes(4096).build());
        client.submit(List.of(message("small")));
        client.submit(List.of(message("big", "x".repeat(20000))));

        SoapStub.Request small = server.requests().get(0);
        SoapStub.Request big = server.requests().get(1);
        assertThat(small.headers.getFirst("Content-Encoding")).isNull();
        assertThat(big.headers.getFirst("Content-Encoding")).isEqualTo("gzip");
        assertThat(big.rawBody.length).isLessThan(2000);
        assertThat(big.body).contains("x".repeat(20000));
    }

    @Test
    void compressionCanBeSwitchedOff() throws Exception {
        new SoapMailClient(settings().gzipRequests(false).gzipThresholdBytes(0).build())
                .submit(List.of(message("big", "x".repeat(20000))));

        assertThat(server.requests().get(0).headers.getFirst("Content-Encoding")).isNull();
    }

    @Test
    void fallsBackToPlainRequestsWhenTheServerRefusesGzip() throws Exception {
        server.answer((ex, req) -> {
            if (req.headers.getFirst("Content-Encoding") != null) {
                send(ex, 415, "", false);
            } else {
                send(ex, 200, receipts(receipt("big", "ACCEPTED", "r-1", null, null)), false);
            }
        });
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        SoapMailClient client = new SoapMailClient(settings().gzipThresholdBytes(0).build(),
                AgentLog.to(new PrintStream(logged, true, StandardCharsets.UTF_8)));

        assertThat(client.submit(List.of(message("big")))).hasSize(1);
        client.submit(List.of(message("next")));

        assertThat(server.requests()).extracting(r -> r.headers.getFirst("Content-Encoding"))
                .containsExactly("gzip", null, null);
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("refused a gzip request");
    }

    @Test
    void aSlowServerIsATimeout() {
        server.answer((ex, req) -> {
            try {
                server.release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SoapMailClient client = new SoapMailClient(settings().readTimeoutMillis(300).build());

        assertThatThrownBy(() -> client.submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("TIMEOUT"));
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SoapMailClient client = new SoapMailClient(SoapClientSettings.builder("http://127.0.0.1:" + port + "/services/mail").build());

        assertThatThrownBy(() -> client.submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("UNREACHABLE"));
    }

    @Test
    void anUnknownHostIsUnreachable() {
        SoapMailClient client = new SoapMailClient(SoapClientSettings.builder("http://crm-bridge.invalid/services/mail").build());

        assertThatThrownBy(() -> client.submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("UNREACHABLE"));
    }

    @Test
    void refusesAnAnswerWithADtd() {
        server.answer((ex, req) -> send(ex, 200, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<m:SubmitMailResponse xmlns:m=\"" + NS + "\"><m:receipt><m:clientRef>&e;</m:clientRef>"
                + "<m:status>ACCEPTED</m:status></m:receipt></m:SubmitMailResponse></soap:Body></soap:Envelope>", false));

        assertThatThrownBy(() -> client().submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("INVALID_RESPONSE"));
    }

    @Test
    void anUnexpectedAnswerIsInvalid() {
        server.answer((ex, req) -> send(ex, 200, envelope("<m:Other xmlns:m=\"" + NS + "\"/>"), false));

        assertThatThrownBy(() -> client().submit(List.of(message("A"))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("INVALID_RESPONSE"));
    }

    @Test
    void anEmptyBatchCallsNobody() throws Exception {
        assertThat(client().submit(List.of())).isEmpty();
        assertThat(client().getMailStatus(List.of())).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void getsTheStatusOfReceipts() throws Exception {
        server.answer((ex, req) -> send(ex, 200, envelope("<m:GetMailStatusResponse xmlns:m=\"" + NS + "\">"
                + "<m:status><m:receiptId>r-1</m:receiptId><m:state>RECORDED</m:state><m:activityId>act-9</m:activityId>"
                + "<m:regarding><m:type>opportunity</m:type><m:id>0f8fad5b-d9cb-469f-a165-70867728950e</m:id><m:name>Big deal</m:name></m:regarding>"
                + "<m:correlation>TAG</m:correlation><m:evidence>CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC</m:evidence></m:status>"
                + "<m:status><m:receiptId>r-2</m:receiptId><m:state>UNRESOLVED</m:state><m:reason>NO_TAG</m:reason></m:status>"
                + "</m:GetMailStatusResponse>"), false));

        List<MailStatus> statuses = client().getMailStatus(List.of("r-1", "r-2"));

        SoapStub.Request req = server.requests().get(0);
        assertThat(req.headers.getFirst("SOAPAction")).isEqualTo("\"http://crmbridge.io/ws/mail/v1/GetMailStatus\"");
        MailContract.validatePayload(req.body);
        assertThat(statuses).hasSize(2);
        MailStatus recorded = statuses.get(0);
        assertThat(recorded.state()).isEqualTo("RECORDED");
        assertThat(recorded.activityId()).isEqualTo("act-9");
        assertThat(recorded.regardingType()).isEqualTo("opportunity");
        assertThat(recorded.regardingId()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(recorded.regardingName()).isEqualTo("Big deal");
        assertThat(recorded.correlation()).isEqualTo("TAG");
        assertThat(recorded.evidence()).startsWith("CRM:");
        assertThat(statuses.get(1).state()).isEqualTo("UNRESOLVED");
        assertThat(statuses.get(1).reason()).isEqualTo("NO_TAG");
        assertThat(statuses.get(1).activityId()).isEmpty();
    }

    @Test
    void settingsNeverShowThePassword() {
        assertThat(settings().build().toString()).contains("agent").doesNotContain("s3cret");
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        assertThatThrownBy(() -> SoapClientSettings.builder("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoapClientSettings.builder("ftp://host/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoapClientSettings.builder("not a url")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoapClientSettings.builder("https://u:secret@host/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> settings().readTimeoutMillis(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Element firstMessage(Document doc) {
        return (Element) doc.getElementsByTagNameNS(NS, "message").item(0);
    }

    private static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                names.add(n.getLocalName());
            }
        }
        return names;
    }

    private static String text(Element e, String child) {
        return e.getElementsByTagNameNS(NS, child).item(0).getTextContent();
    }
}
