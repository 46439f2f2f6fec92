package io.crmbridge.backend.exchange.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.backend.exchange.ContactFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactPropertiesTest {

    @Test
    void mapsFieldsToExchangeContactProperties() {
        ContactFields fields = ContactFields.builder().givenName("Ayşe").middleName("Nur").surname("Ağaoğlu")
                .email("ayse@agaoglu.example").email("ayse.private@example.org").company("Ağaoğlu & Sons <Ltd>")
                .jobTitle("CEO").businessPhone("+90 212 555 0100").street("İstiklal Cd. 1").city("İstanbul")
                .postalCode("34430").country("Türkiye").notes("line 1\r\nline 2").build();

        Map<DavProperty, String> properties = ContactProperties.toProperties(fields);

        assertThat(properties.get(ContactProperties.DISPLAY_NAME)).isEqualTo("Ayşe Nur Ağaoğlu");
        assertThat(properties.get(ContactProperties.FILE_AS)).isEqualTo("Ağaoğlu, Ayşe Nur");
        assertThat(properties.get(DavProperty.contacts("email1"))).isEqualTo("\"Ayşe Nur Ağaoğlu\" <ayse@agaoglu.example>");
        assertThat(properties.get(DavProperty.contacts("email2"))).isEqualTo("\"Ayşe Nur Ağaoğlu\" <ayse.private@example.org>");
        assertThat(properties.get(DavProperty.contacts("email3"))).isEmpty();
        assertThat(properties.get(ContactProperties.COMPANY)).isEqualTo("Ağaoğlu & Sons <Ltd>");
        assertThat(properties.get(ContactProperties.CITY)).isEqualTo("İstanbul");
        assertThat(properties.get(ContactProperties.STATE)).isEmpty();
        assertThat(properties.get(ContactProperties.NOTES)).isEqualTo("line 1\nline 2");
        assertThat(properties.keySet()).containsExactlyElementsOf(ContactProperties.ALL);
    }

    @Test
    void quotesInTheDisplayNameAreEscapedInEmail1AndTheAddressReadsBack() {
        ContactFields fields = ContactFields.builder().givenName("Jo \"JJ\"").surname("O'Neil\\Smith")
                .email("jo@example.com").build();

        String email1 = ContactProperties.toProperties(fields).get(DavProperty.contacts("email1"));

        assertThat(email1).isEqualTo("\"Jo \\\"JJ\\\" O'Neil\\\\Smith\" <jo@example.com>");
        assertThat(EmailDisplayFormat.address(email1)).isEqualTo("jo@example.com");
        assertThat(EmailDisplayFormat.address("jo@example.com")).isEqualTo("jo@example.com");
        assertThat(EmailDisplayFormat.address("Jo <jo@example.com>")).isEqualTo("jo@example.com");
    }

    @Test
    void readingBackWhatWasWrittenGivesTheSameFields() {
        ContactFields fields = ContactFields.builder().givenName("Zoë").surname("<Müller> & \"Co\"")
                .emails(List.of("a@example.com", "b@example.com", "c@example.com")).mobilePhone("+49 170 0000000")
                .businessFax("+49 30 1").state("BE").notes("").build();

        assertThat(ContactProperties.fromProperties(ContactProperties.toProperties(fields))).isEqualTo(fields);
    }

    @Test
    void displayAndFileAsFallBackWhenNamesAreMissing() {
        assertThat(ContactFields.builder().surname("Smith").build().fileAs()).isEqualTo("Smith");
        assertThat(ContactFields.builder().company("Acme").build().fileAs()).isEqualTo("Acme");
        assertThat(ContactFields.builder().givenName(" Ann ").surname("  ").build().displayName()).isEqualTo("Ann");
        assertThat(ContactFields.builder().displayName("Dr. Ann Lee").givenName("Ann").surname("Lee").build()
                .displayName()).isEqualTo("Dr. Ann Lee");
    }

    @Test
    void charactersXmlCannotCarryAreDroppedAndNullsAreEmpty() {
        ContactFields fields = ContactFields.builder().givenName("A\u0000B\u0007C").surname(null).build();

        assertThat(fields.givenName()).isEqualTo("ABC");
        assertThat(fields.surname()).isEmpty();
    }
}
