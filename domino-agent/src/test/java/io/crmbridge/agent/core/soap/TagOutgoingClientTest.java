package io.crmbridge.agent.core.soap;

import static io.crmbridge.agent.testing.SoapStub.envelope;
import static io.crmbridge.agent.testing.SoapStub.fault;
import static io.crmbridge.agent.testing.SoapStub.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.agent.core.tag.OutgoingMail;
import io.crmbridge.agent.core.tag.TagAnswer;
import io.crmbridge.agent.testing.MailContract;
import io.crmbridge.agent.testing.SoapStub;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** {@code TagOutgoing} over the wire: the request as the XSD orders it, the answer, and the whole-call time limit. */
class TagOutgoingClientTest {
    private static final String NS = "http://crmbridge.io/ws/mail/v1";
    static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private SoapStub server;

    @BeforeEach
    void start() throws Exception {
        server = new SoapStub();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SoapMailClient client() {
        return new SoapMailClient(SoapClientSettings.builder(server.url()).credentials("agent", "pw".toCharArray()).build());
    }

    static String answer(String tag, String subject, String type, String id, String name, String correlation, String evidence) {
        return SoapStub.tagAnswer(tag, subject, type, id, name, correlation, evidence);
    }

    private static OutgoingMail fullMail() {
        return OutgoingMail.builder()
                .mailbox("jane@acme.example")
                .subject("Re: Angebot für Müller & Co")
                .to(List.of(MailAddress.of("bob@customer.example", "Bob"), MailAddress.of("", "", "CN=Tom Lee/O=Acme")))
                .cc(List.of(MailAddress.of("carol@customer.example")))
                .bcc(List.of(MailAddress.of("boss@acme.example")))
                .inReplyTo("<parent@customer.example>")
                .references(List.of("<root@customer.example>", "<parent@customer.example>"))
                .build();
    }

    @Test
    void writesTheRequestInTheContractsOrderAndReadsTheTag() throws Exception {
        String reply = answer("CRM:{" + GUID + "}:MRC", "Re: Angebot CRM:{" + GUID + "}:MRC", "contact", GUID, "Bob Baker",
                "ADDRESS", "bob@customer.example");
        MailContract.validatePayload(reply);
        server.answer((ex, req) -> send(ex, 200, reply, false));

        TagAnswer answer = client().tagOutgoing(fullMail());

        SoapStub.Request req = server.requests().get(0);
        assertThat(req.headers.getFirst("SOAPAction")).isEqualTo("\"" + NS + "/TagOutgoing\"");
        MailContract.validatePayload(req.body);
        Element payload = (Element) MailContract.parse(req.body).getElementsByTagNameNS(NS, "TagOutgoing").item(0);
        assertThat(childNames(payload)).containsExactly("mailbox", "subject", "to", "to", "cc", "bcc", "inReplyTo",
                "references", "references");
        assertThat(payload.getElementsByTagNameNS(NS, "subject").item(0).getTextContent()).isEqualTo("Re: Angebot für Müller & Co");
        assertThat(answer.tag()).isEqualTo("CRM:{" + GUID + "}:MRC");
        assertThat(answer.subjectTag()).hasValueSatisfying(t -> assertThat(t.guid().toString()).isEqualTo(GUID));
        assertThat(answer.subject()).isEqualTo("Re: Angebot CRM:{" + GUID + "}:MRC");
        assertThat(answer.regardingType()).isEqualTo("contact");
        assertThat(answer.regardingId()).isEqualTo(GUID);
        assertThat(answer.regardingName()).isEqualTo("Bob Baker");
        assertThat(answer.correlation()).isEqualTo("ADDRESS");
        assertThat(answer.evidence()).isEqualTo("bob@customer.example");
    }

    @Test
    void aBareRequestHoldsTheMailboxOnlyAndNoTagIsAnEmptyTag() throws Exception {
        String reply = answer(null, "hello", null, null, null, null, null);
        MailContract.validatePayload(reply);
        server.answer((ex, req) -> send(ex, 200, reply, false));

        TagAnswer answer = client().tagOutgoing(OutgoingMail.builder().mailbox("jane@acme.example").build());

        String body = server.requests().get(0).body;
        MailContract.validatePayload(body);
        assertThat(childNames((Element) MailContract.parse(body).getElementsByTagNameNS(NS, "TagOutgoing").item(0)))
                .containsExactly("mailbox");
        assertThat(answer.tag()).isEmpty();
        assertThat(answer.subjectTag()).isEmpty();
        assertThat(answer.subject()).isEqualTo("hello");
        assertThat(answer.regardingId()).isEmpty();
        assertThat(answer.correlation()).isEmpty();
    }

    @Test
    void aFaultGivesItsCode() {
        server.answer((ex, req) -> send(ex, 500, fault("ACCESS_DENIED", "user clients may not call TagOutgoing"), false));

        assertThatThrownBy(() -> client().tagOutgoing(fullMail()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("ACCESS_DENIED"));
    }

    @Test
    void anAnswerWithoutSubjectOrOfAnotherOperationIsInvalid() {
        server.answer((ex, req) -> send(ex, 200, envelope("<m:TagOutgoingResponse xmlns:m=\"" + NS + "\"/>"), false));
        assertThatThrownBy(() -> client().tagOutgoing(fullMail()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("INVALID_RESPONSE"));

        server.answer((ex, req) -> send(ex, 200, envelope("<m:SubmitMailResponse xmlns:m=\"" + NS + "\"/>"), false));
        assertThatThrownBy(() -> client().tagOutgoing(fullMail()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("INVALID_RESPONSE"));
    }

    @Test
    void aServerThatTricklesItsAnswerIsCutOffAtTheCallLimit() {
        String reply = answer("CRM:{" + GUID + "}:MRC", "x", null, null, null, null, null);
        server.answer((ex, req) -> {
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (byte b : reply.getBytes(StandardCharsets.UTF_8)) {
                    out.write(b);
                    out.flush();
                    if (server.release.await(50, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                // the client hung up: what this test wants
            }
        });
        // Every byte comes well within the read timeout; only the whole-call limit can stop this.
        SoapMailClient client = new SoapMailClient(SoapClientSettings.builder(server.url())
                .readTimeoutMillis(10_000).callTimeoutMillis(300).build());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.tagOutgoing(fullMail()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.code()).isEqualTo("TIMEOUT");
                    assertThat(e.getMessage()).contains("within 300 ms");
                });
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
        assertThat(deadlineThreads()).as("the watchdog ends with the call").isEmpty();
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutAtTheCallLimit() {
        server.answer((ex, req) -> {
            try {
                server.release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SoapMailClient client = new SoapMailClient(SoapClientSettings.builder(server.url()).callTimeoutMillis(200).build());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.tagOutgoing(fullMail()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo("TIMEOUT"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
    }

    @Test
    void aCallWithinItsLimitLeavesNoWatchdogBehind() throws Exception {
        server.answer((ex, req) -> send(ex, 200, answer(null, "x", null, null, null, null, null), false));
        SoapMailClient client = new SoapMailClient(SoapClientSettings.builder(server.url()).callTimeoutMillis(5000).build());

        for (int i = 0; i < 3; i++) {
            assertThat(client.tagOutgoing(fullMail()).tag()).isEmpty();
        }

        assertThat(deadlineThreads()).isEmpty();
    }

    private static List<Thread> deadlineThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("CRM Bridge call deadline") && t.isAlive()) {
                found.add(t);
            }
        }
        return found;
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
}
