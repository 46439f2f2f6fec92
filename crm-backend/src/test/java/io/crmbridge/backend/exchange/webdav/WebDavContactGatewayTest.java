package io.crmbridge.backend.exchange.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.backend.exchange.ContactFields;
import io.crmbridge.backend.exchange.ContactFolder;
import io.crmbridge.backend.exchange.DeleteOutcome;
import io.crmbridge.backend.exchange.ExchangeContact;
import io.crmbridge.backend.exchange.ExchangeException;
import io.crmbridge.backend.exchange.RemoteContact;
import io.crmbridge.backend.exchange.UpsertOutcome;
import io.crmbridge.fixtures.exchange.FakeExchange;
import io.crmbridge.fixtures.exchange.Fault;
import io.crmbridge.fixtures.exchange.PropName;
import io.crmbridge.fixtures.exchange.RecordedRequest;
import io.crmbridge.fixtures.exchange.StoredItem;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebDavContactGatewayTest {

    private static final String USER = "CORP\\svc-crm";
    private static final String PASSWORD = "pässword";
    private static final ContactFolder KISILER = new ContactFolder("ayşe", "Kişiler");

    private FakeExchange exchange;
    private WebDavContactGateway gateway;

    @BeforeEach
    void start() {
        exchange = FakeExchange.start().user(USER, PASSWORD).folder("ayşe", "Kişiler");
        gateway = new WebDavContactGateway(WebDavSettings.of(exchange.baseUri(), USER, PASSWORD)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        exchange.close();
    }

    private static ExchangeContact ayse() {
        return new ExchangeContact("c-1", ContactFields.builder().givenName("Ayşe").surname("Ağaoğlu")
                .company("Ağaoğlu & Sons <Ltd>").jobTitle("\"Chief\" Executive").email("ayse@example.com")
                .notes("met at fair\nfollow up").build());
    }

    private StoredItem stored(String crmId) {
        return exchange.item("ayşe", "Kişiler", "Customer-" + crmId + ".EML").orElseThrow();
    }

    @Test
    void createsThenUpdatesOneStableItemAndEmptyFieldsAreRemoved() {
        assertThat(gateway.upsertContact(KISILER, ayse())).isEqualTo(UpsertOutcome.CREATED);
        StoredItem created = stored("c-1");
        assertThat(created.contact("o")).contains("Ağaoğlu & Sons <Ltd>");
        assertThat(created.contact("title")).contains("\"Chief\" Executive");
        assertThat(created.contact("cn")).contains("Ayşe Ağaoğlu");
        assertThat(created.contact("fileas")).contains("Ağaoğlu, Ayşe");
        assertThat(created.contact("email1")).contains("\"Ayşe Ağaoğlu\" <ayse@example.com>");
        assertThat(created.property(PropName.httpmail("textdescription"))).contains("met at fair\nfollow up");
        assertThat(created.property(PropName.CONTENTCLASS)).contains("urn:content-classes:person");
        assertThat(created.property(PropName.OUTLOOKMESSAGECLASS)).contains("IPM.Contact");

        ExchangeContact changed = new ExchangeContact("c-1", ContactFields.builder().givenName("Ayşe")
                .surname("Ağaoğlu").email("ayse@example.com").build());
        assertThat(gateway.upsertContact(KISILER, changed)).isEqualTo(UpsertOutcome.UPDATED);

        StoredItem updated = stored("c-1");
        assertThat(updated.contact("o")).isEmpty();
        assertThat(updated.contact("title")).isEmpty();
        assertThat(updated.property(PropName.httpmail("textdescription"))).isEmpty();
        assertThat(exchange.items("ayşe", "Kişiler")).hasSize(1);
    }

    @Test
    void readsBackWhatItWroteAsEqualFields() {
        gateway.upsertContact(KISILER, ayse());

        RemoteContact remote = gateway.readContact(KISILER, "c-1").orElseThrow();

        assertThat(remote.fields()).isEqualTo(ayse().fields());
        assertThat(remote.etag()).isEqualTo(stored("c-1").etag());
        assertThat(remote.lastModified()).isEqualTo(stored("c-1").lastModified());
        assertThat(gateway.readContact(KISILER, "c-2")).isEmpty();
    }

    @Test
    void sendsOneRequestPerCallWithTheWebDavHeadersAndEncodedPath() {
        gateway.upsertContact(KISILER, ayse());
        gateway.readContact(KISILER, "c-1");
        gateway.deleteContact(KISILER, "c-1");

        assertThat(exchange.requests()).extracting(RecordedRequest::method)
                .containsExactly("PROPPATCH", "PROPFIND", "DELETE");
        RecordedRequest proppatch = exchange.requests().get(0);
        assertThat(proppatch.rawPath()).isEqualTo("/exchange/ay%C5%9Fe/Ki%C5%9Filer/Customer-c-1.EML");
        assertThat(proppatch.header("Translate")).contains("f");
        assertThat(proppatch.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(proppatch.header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        assertThat(exchange.requests().get(1).header("Depth")).contains("0");
    }

    @Test
    void deleteOfAMissingItemIsAlreadyGone() {
        gateway.upsertContact(KISILER, ayse());

        assertThat(gateway.deleteContact(KISILER, "c-1")).isEqualTo(DeleteOutcome.DELETED);
        assertThat(gateway.deleteContact(KISILER, "c-1")).isEqualTo(DeleteOutcome.ALREADY_GONE);
    }

    @Test
    void aRejectedPropertyIsAnErrorNamingItAndItsStatus() {
        exchange.inject(Fault.failProperty(PropName.contacts("title"), 409));

        assertThatThrownBy(() -> gateway.upsertContact(KISILER, ayse()))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ExchangeException.Code.PROPERTY_REJECTED);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("urn:schemas:contacts:title (409)");
    }

    @Test
    void statusesMapToStableCodes() {
        exchange.inject(Fault.unavailable(Duration.ofSeconds(7)).times(1));
        assertThatThrownBy(() -> gateway.upsertContact(KISILER, ayse()))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ExchangeException.Code.UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });

        exchange.inject(Fault.forbidden().times(1));
        assertThatThrownBy(() -> gateway.upsertContact(KISILER, ayse()))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.code()).isEqualTo(ExchangeException.Code.FORBIDDEN));

        exchange.inject(Fault.unauthorized().times(1));
        assertThatThrownBy(() -> gateway.deleteContact(KISILER, "c-1"))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.code()).isEqualTo(ExchangeException.Code.UNAUTHORIZED));

        assertThatThrownBy(() -> gateway.upsertContact(new ContactFolder("ayşe", "Contacts"), ayse()))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ExchangeException.Code.FOLDER_NOT_FOUND);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void aDroppedConnectionOrASlowServerIsARetryableConnectionFailure() {
        exchange.inject(Fault.drop().times(1));
        assertThatThrownBy(() -> gateway.upsertContact(KISILER, ayse()))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.code()).isEqualTo(ExchangeException.Code.CONNECTION));

        exchange.inject(Fault.slow(Duration.ofSeconds(3)).times(1));
        assertThatThrownBy(() -> gateway.upsertContact(KISILER, ayse()))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.code()).isEqualTo(ExchangeException.Code.CONNECTION));

        assertThat(gateway.upsertContact(KISILER, ayse())).isIn(UpsertOutcome.CREATED, UpsertOutcome.UPDATED);
    }

    @Test
    void findsTheSubmissionUrlAndMovesAnItemThere() {
        gateway.upsertContact(KISILER, ayse());

        URI submission = gateway.submissionUri("ayşe");
        gateway.move(URI.create(exchange.baseUri() + "/exchange/ay%C5%9Fe/Ki%C5%9Filer/Customer-c-1.EML"), submission);

        assertThat(submission.getRawPath()).isEqualTo("/exchange/ay%C5%9Fe/%23%23DavMailSubmissionURI%23%23/");
        assertThat(exchange.submitted()).extracting(StoredItem::name).containsExactly("Customer-c-1.EML");
    }

    @Test
    void aCustomItemNameTemplateNamesTheItem() {
        try (WebDavContactGateway custom = new WebDavContactGateway(WebDavSettings.of(exchange.baseUri(), USER, PASSWORD)
                .withItemNames(new ItemNameTemplate("CRM {id}.EML")))) {
            custom.upsertContact(KISILER, new ExchangeContact("a+b", ContactFields.builder().surname("x").build()));
        }

        assertThat(exchange.item("ayşe", "Kişiler", "CRM a+b.EML")).isPresent();
        assertThat(exchange.requests().get(0).rawPath()).endsWith("/CRM%20a%2Bb.EML");
    }
}
