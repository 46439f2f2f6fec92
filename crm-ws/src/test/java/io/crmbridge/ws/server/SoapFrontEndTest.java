package io.crmbridge.ws.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.soap.MailStatus;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.backend.access.Role;
import io.crmbridge.ws.records.v1.CrmRecord;
import io.crmbridge.ws.records.v1.GetActivities;
import io.crmbridge.ws.records.v1.GetActivitiesResponse;
import io.crmbridge.ws.records.v1.RecordType;
import io.crmbridge.ws.records.v1.RecordsPort;
import io.crmbridge.ws.records.v1.RecordsService;
import io.crmbridge.ws.records.v1.ServiceFault;
import io.crmbridge.ws.records.v1.UpsertRecords;
import io.crmbridge.ws.records.v1.UpsertRecordsResponse;
import io.crmbridge.ws.records.v1.UpsertStatus;
import jakarta.xml.ws.BindingProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The SOAP front end over real HTTP: contract, authentication, roles, faults, durability answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapFrontEndTest {
    private static final String OPPORTUNITY = "8b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e";

    RunningBridge bridge;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        bridge = RunningBridge.start(dataDir);
    }

    @AfterAll
    void stop() {
        bridge.close();
    }

    @Test
    void healthAnswersWithoutAuthentication() throws Exception {
        HttpResponse<String> response = get("health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"database\":\"H2\"");
    }

    @Test
    void everyServiceServesItsWsdlWithTheRealAddress() throws Exception {
        for (String service : List.of("mail", "records")) {
            HttpResponse<String> response = get("services/" + service + "?wsdl");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("wsdl:definitions").contains(bridge.url(service));
        }
    }

    @Test
    void submittedMailIsAcknowledgedOnceAndRecordedOnItsRecord() throws Exception {
        upsertOpportunity();
        SoapMailClient agent = bridge.mailClient(Role.AGENT);
        MailMessage mail = memo("ref-1", "<offer-1@globex.example>", "Offer CRM:{" + OPPORTUNITY.toUpperCase() + "}:MRC");

        List<Receipt> first = agent.submit(List.of(mail));
        List<Receipt> again = agent.submit(List.of(mail));

        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Receipt.Status.ACCEPTED);
            assertThat(r.clientRef()).isEqualTo("ref-1");
        });
        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Receipt.Status.DUPLICATE);
            assertThat(r.receiptId()).isEqualTo(first.get(0).receiptId());
        });
        assertThat(bridge.backend.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<MailStatus> status = agent.getMailStatus(List.of(first.get(0).receiptId()));
        assertThat(status).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("RECORDED");
            assertThat(s.regardingId()).isEqualTo(OPPORTUNITY);
            assertThat(s.regardingType()).isEqualTo("OPPORTUNITY");
            assertThat(s.correlation()).isEqualTo("TAG");
        });

        GetActivities query = new GetActivities();
        query.setRecordId(OPPORTUNITY);
        GetActivitiesResponse activities = recordsPort(Role.INTEGRATOR).getActivities(query);
        assertThat(activities.getActivity()).singleElement().satisfies(a -> {
            assertThat(a.getActivityId()).isEqualTo(status.get(0).activityId());
            assertThat(a.getSubject()).startsWith("Offer");
            assertThat(a.getDirection()).isEqualTo("INBOUND");
            assertThat(a.getSightings()).isEqualTo(1);
        });
    }

    @Test
    void oneBadMessageIsRejectedAndTheOthersAreStored() throws Exception {
        String batch = envelope("""
                <m:SubmitMail>
                  <m:message><m:clientRef>good</m:clientRef><m:mailbox>jane.doe@acme.example</m:mailbox><m:folder>INBOX</m:folder>
                    <m:messageId>&lt;good@x&gt;</m:messageId><m:subject>Hello</m:subject></m:message>
                  <m:message><m:clientRef>no-mailbox</m:clientRef><m:folder>INBOX</m:folder><m:subject>Hello</m:subject></m:message>
                </m:SubmitMail>""");
        HttpResponse<String> response = post("mail", "SubmitMail", batch, RunningBridge.userFor(Role.AGENT));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .containsPattern("<clientRef>good</clientRef>\\s*<status>ACCEPTED</status>")
                .containsPattern("<clientRef>no-mailbox</clientRef>\\s*<status>REJECTED</status>\\s*<faultCode>INVALID_MESSAGE</faultCode>");
    }

    @Test
    void aWrongPasswordIsRefusedWith401AndAStableCode() throws Exception {
        HttpResponse<String> response = post("mail", "GetMailStatus",
                envelope("<m:GetMailStatus><m:receiptId>x</m:receiptId></m:GetMailStatus>"),
                RunningBridge.userFor(Role.AGENT), "wrong");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(response.body()).contains("<code>AUTHENTICATION_FAILED</code>").doesNotContain("wrong");

        SoapMailClient intruder = new SoapMailClient(io.crmbridge.agent.core.soap.SoapClientSettings.builder(bridge.url("mail"))
                .credentials("nobody", "x".toCharArray()).build());
        assertThatThrownBy(() -> intruder.getMailStatus(List.of("x")))
                .isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo("AUTHENTICATION_FAILED"));
    }

    @Test
    void aCallWithoutCredentialsIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bridge.url("mail")))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope("<m:GetMailStatus><m:receiptId>x</m:receiptId></m:GetMailStatus>")))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("<code>AUTHENTICATION_FAILED</code>");
    }

    @Test
    void rolesGiveLeastPrivilege() throws Exception {
        HttpResponse<String> agentOnRecords = post("records", "UpsertRecords", """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:r="http://crmbridge.io/ws/records/v1">
                  <soap:Body><r:UpsertRecords><r:record><r:type>ACCOUNT</r:type><r:name>X</r:name></r:record></r:UpsertRecords></soap:Body>
                </soap:Envelope>""", RunningBridge.userFor(Role.AGENT));
        assertThat(agentOnRecords.statusCode()).isEqualTo(403);
        assertThat(agentOnRecords.body()).contains("<code>ACCESS_DENIED</code>");

        assertThatThrownBy(() -> bridge.mailClient(Role.INTEGRATOR).getMailStatus(List.of("x")))
                .isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo("ACCESS_DENIED"));

        assertThat(bridge.mailClient(Role.ADMIN).getMailStatus(List.of(UUID.randomUUID().toString())))
                .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("UNKNOWN"));
    }

    @Test
    void aMalformedRequestGetsAFaultWithAStableCode() throws Exception {
        HttpResponse<String> response = post("mail", "SubmitMail",
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><oops>",
                RunningBridge.userFor(Role.AGENT));
        assertThat(response.statusCode()).isBetween(400, 500);
        assertThat(response.body()).contains("<code>INVALID_REQUEST</code>");
    }

    @Test
    void aDeclaredFaultCausedByTheCallerIsASoapClientFault() throws Exception {
        HttpResponse<String> response = post("records", "GetActivities", """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:r="http://crmbridge.io/ws/records/v1">
                  <soap:Body><r:GetActivities><r:recordId>not-a-guid</r:recordId></r:GetActivities></soap:Body>
                </soap:Envelope>""", RunningBridge.userFor(Role.INTEGRATOR));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).containsPattern("<faultcode>[a-z0-9]+:Client</faultcode>").contains("<code>INVALID_REQUEST</code>");
    }

    @Test
    void aDoctypeIsRefused() throws Exception {
        String withDtd = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + envelope("<m:GetMailStatus><m:receiptId>&e;</m:receiptId></m:GetMailStatus>");
        HttpResponse<String> response = post("mail", "GetMailStatus", withDtd, RunningBridge.userFor(Role.AGENT));
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void wsSecurityUsernameTokenIsAcceptedInsteadOfBasic() throws Exception {
        String body = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://crmbridge.io/ws/mail/v1">
                  <soap:Header>
                    <wsse:Security soap:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
                      <wsse:UsernameToken><wsse:Username>%s</wsse:Username>
                        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</wsse:Password>
                      </wsse:UsernameToken>
                    </wsse:Security>
                  </soap:Header>
                  <soap:Body><m:GetMailStatus><m:receiptId>nope</m:receiptId></m:GetMailStatus></soap:Body>
                </soap:Envelope>""".formatted(RunningBridge.userFor(Role.AGENT), RunningBridge.PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(bridge.url("mail")))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"http://crmbridge.io/ws/mail/v1/GetMailStatus\"")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<state>UNKNOWN</state>");
    }

    @Test
    void aGenericJaxWsClientCanUseTheRecordsContract() throws Exception {
        RecordsPort port = recordsPort(Role.INTEGRATOR);
        CrmRecord account = new CrmRecord();
        account.setType(RecordType.ACCOUNT);
        account.setName("Ağaoğlu & Sons <Ltd>");
        account.getEmail().add("info@agaoglu.example");
        CrmRecord typeless = new CrmRecord();
        typeless.setName("no type");
        CrmRecord badId = new CrmRecord();
        badId.setType(RecordType.CONTACT);
        badId.setId("not-a-guid");
        UpsertRecords request = new UpsertRecords();
        request.getRecord().addAll(List.of(account, typeless, badId));

        UpsertRecordsResponse response = port.upsertRecords(request);

        assertThat(response.getResult()).hasSize(3);
        assertThat(response.getResult().get(0).getStatus()).isEqualTo(UpsertStatus.CREATED);
        assertThat(response.getResult().get(0).getId()).isNotBlank();
        assertThat(response.getResult().get(1).getStatus()).isEqualTo(UpsertStatus.REJECTED);
        assertThat(response.getResult().get(1).getIndex()).isEqualTo(1);
        assertThat(response.getResult().get(2).getStatus()).isEqualTo(UpsertStatus.REJECTED);
        assertThat(response.getResult().get(2).getIndex()).isEqualTo(2);

        GetActivities unknown = new GetActivities();
        unknown.setRecordId(UUID.randomUUID().toString());
        assertThatThrownBy(() -> port.getActivities(unknown))
                .isInstanceOf(ServiceFault.class)
                .satisfies(e -> assertThat(((ServiceFault) e).getFaultInfo().getCode()).isEqualTo("RECORD_NOT_FOUND"));
    }

    @Test
    void theOwnerIsStoredWithTheRecordAndAnUpsertWithoutOneClearsIt() throws Exception {
        RecordsPort port = recordsPort(Role.INTEGRATOR);
        CrmRecord contact = new CrmRecord();
        contact.setType(RecordType.CONTACT);
        contact.setFirstName("Ayşe");
        contact.setLastName("Ağaoğlu");
        contact.setOwner(" jdoe ");
        UpsertRecords request = new UpsertRecords();
        request.getRecord().add(contact);

        String id = port.upsertRecords(request).getResult().get(0).getId();

        assertThat(bridge.backend.records().find(UUID.fromString(id)).orElseThrow().owner()).isEqualTo("jdoe");

        contact.setId(id);
        contact.setOwner(null);
        assertThat(port.upsertRecords(request).getResult().get(0).getStatus()).isEqualTo(UpsertStatus.UPDATED);
        assertThat(bridge.backend.records().find(UUID.fromString(id)).orElseThrow().owner()).isEmpty();
    }

    @Test
    void theOwnerElementComesLastAndARequestWithoutItIsStillValid() throws Exception {
        String withOwner = "<r:UpsertRecords xmlns:r=\"http://crmbridge.io/ws/records/v1\"><r:record><r:type>CONTACT</r:type>"
                + "<r:name>Old Client</r:name><r:parentId></r:parentId><r:owner>ayşe</r:owner></r:record></r:UpsertRecords>";
        String without = "<r:UpsertRecords xmlns:r=\"http://crmbridge.io/ws/records/v1\"><r:record><r:type>CONTACT</r:type>"
                + "<r:name>Older Client</r:name><r:notes>n</r:notes></r:record></r:UpsertRecords>";
        String user = RunningBridge.userFor(Role.INTEGRATOR);

        HttpResponse<String> first = post("records", "UpsertRecords", envelope(withOwner), user);
        HttpResponse<String> second = post("records", "UpsertRecords", envelope(without), user);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        String id = first.body().replaceAll("(?s).*<id>([^<]+)</id>.*", "$1");
        assertThat(bridge.backend.records().find(UUID.fromString(id)).orElseThrow().owner()).isEqualTo("ayşe");
        assertThat(second.body()).contains("<status>CREATED</status>");
        String wsdl = get("services/records?wsdl").body();
        assertThat(wsdl.indexOf("name=\"owner\"")).as("owner after parentId, the last of CrmRecord")
                .isGreaterThan(wsdl.indexOf("name=\"parentId\"")).isLessThan(wsdl.indexOf("name=\"UpsertStatus\""));
    }

    private void upsertOpportunity() throws ServiceFault {
        CrmRecord opportunity = new CrmRecord();
        opportunity.setType(RecordType.OPPORTUNITY);
        opportunity.setId(OPPORTUNITY);
        opportunity.setName("Globex – 500 seats");
        UpsertRecords request = new UpsertRecords();
        request.getRecord().add(opportunity);
        assertThat(recordsPort(Role.INTEGRATOR).upsertRecords(request).getResult().get(0).getStatus())
                .isIn(UpsertStatus.CREATED, UpsertStatus.UPDATED);
    }

    private RecordsPort recordsPort(Role role) {
        RecordsPort port = new RecordsService().getRecordsPort();
        BindingProvider provider = (BindingProvider) port;
        provider.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, bridge.url("records"));
        provider.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, RunningBridge.userFor(role));
        provider.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, RunningBridge.PASSWORD);
        return port;
    }

    private static MailMessage memo(String ref, String messageId, String subject) {
        return MailMessage.builder()
                .clientRef(ref)
                .mailbox("jane.doe@acme.example")
                .folder(Folder.INBOX)
                .messageId(messageId)
                .subject(subject)
                .from(MailAddress.of("hank@globex.example", "Hank Scorpio"))
                .to(List.of(MailAddress.of("jane.doe@acme.example")))
                .postedAt(Instant.parse("2026-11-20T10:00:00Z"))
                .body("Our offer.", false)
                .build();
    }


    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:m=\"http://crmbridge.io/ws/mail/v1\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(bridge.server.baseUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String service, String action, String body, String user) throws Exception {
        return post(service, action, body, user, RunningBridge.PASSWORD);
    }

    private HttpResponse<String> post(String service, String action, String body, String user, String password) throws Exception {
        String ns = service.equals("mail") ? "http://crmbridge.io/ws/mail/v1/" : "http://crmbridge.io/ws/records/v1/";
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(bridge.url(service)))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + ns + action + "\"")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
