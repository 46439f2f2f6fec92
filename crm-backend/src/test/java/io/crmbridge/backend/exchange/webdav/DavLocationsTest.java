package io.crmbridge.backend.exchange.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.backend.exchange.ContactFolder;
import java.net.URI;
import org.junit.jupiter.api.Test;

class DavLocationsTest {

    private final DavLocations locations = new DavLocations(URI.create("https://mail.example.com/"),
            ItemNameTemplate.DEFAULT);

    @Test
    void localizedFolderNamesArePercentEncodedUtf8() {
        assertThat(locations.folder(new ContactFolder("jdoe", "Kontakte")))
                .hasToString("https://mail.example.com/exchange/jdoe/Kontakte/");
        assertThat(locations.folder(new ContactFolder("jdoe", "Контакты")))
                .hasToString("https://mail.example.com/exchange/jdoe/%D0%9A%D0%BE%D0%BD%D1%82%D0%B0%D0%BA%D1%82%D1%8B/");
        assertThat(locations.folder(new ContactFolder("ayşe.yılmaz", "Kişiler/CRM müşteriler")))
                .hasToString("https://mail.example.com/exchange/ay%C5%9Fe.y%C4%B1lmaz/Ki%C5%9Filer/CRM%20m%C3%BC%C5%9Fteriler/");
    }

    @Test
    void itemNamesComeFromTheCrmIdThroughTheTemplate() {
        assertThat(locations.contact(new ContactFolder("jdoe", "Contacts"), "0f8fad5b-d9cb-469f-a165-70867728950e"))
                .hasToString("https://mail.example.com/exchange/jdoe/Contacts/Customer-0f8fad5b-d9cb-469f-a165-70867728950e.EML");
    }

    @Test
    void everyCharacterExchangeMisreadsInAnItemNameIsEscaped() {
        String encoded = PathSegment.encode("a&b+c:d;e<f>g\"h#i~j*k|l?m%n o");

        assertThat(encoded).isEqualTo("a%26b%2Bc%3Ad%3Be%3Cf%3Eg%22h%23i%7Ej%2Ak%7Cl%3Fm%25n%20o");
        assertThat(PathSegment.encode("{3F2504E0}")).isEqualTo("%7B3F2504E0%7D");
    }

    @Test
    void aTemplateWithoutThePlaceholderIsRefused() {
        assertThatThrownBy(() -> new ItemNameTemplate("Customer.EML")).hasMessageContaining("{id}");
        assertThat(new ItemNameTemplate("CRM {id}.eml").itemName("42")).isEqualTo("CRM 42.eml");
    }
}
