package io.crmbridge.agent.domino;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.agent.core.mail.MailAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void aNotesNameWithItsInternetAddress() {
        assertThat(Addresses.of("CN=Jane Doe/OU=Sales/O=Acme", "Jane Doe <jane.doe@acme.example>"))
                .isEqualTo(MailAddress.of("jane.doe@acme.example", "Jane Doe", "CN=Jane Doe/OU=Sales/O=Acme"));
        assertThat(Addresses.of("CN=Jane Doe/O=Acme", "jane.doe@acme.example"))
                .isEqualTo(MailAddress.of("jane.doe@acme.example", "Jane Doe", "CN=Jane Doe/O=Acme"));
    }

    @Test
    void aNotesNameWithoutInternetAddressKeepsTheName() {
        assertThat(Addresses.of("CN=Tom Lee/O=Acme@AcmeDomain", "."))
                .isEqualTo(MailAddress.of("", "Tom Lee", "CN=Tom Lee/O=Acme"));
        assertThat(Addresses.of("Tom Lee/Acme", "")).isEqualTo(MailAddress.of("", "Tom Lee", "Tom Lee/Acme"));
        assertThat(Addresses.of("Sales Team", null)).isEqualTo(MailAddress.of("", "Sales Team", "Sales Team"));
    }

    @Test
    void anInternetAddressInTheNotesItemIsAnEmail() {
        assertThat(Addresses.of("bob@customer.example", ".")).isEqualTo(MailAddress.of("bob@customer.example"));
        assertThat(Addresses.of("\"Bob \\\"B\\\" Smith\" <bob@customer.example>", ""))
                .isEqualTo(MailAddress.of("bob@customer.example", "Bob \"B\" Smith"));
        assertThat(Addresses.of("bob@customer.example", "bob@customer.example")).isEqualTo(MailAddress.of("bob@customer.example"));
    }

    @Test
    void decodesEncodedDisplayNames() {
        assertThat(Addresses.of("", "=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@kunde.example>").displayName()).isEqualTo("Jürgen Müller");
        assertThat(Addresses.of("", "=?ISO-8859-1?B?U/hyZW4=?= <s@kunde.example>").displayName()).isEqualTo("Søren");
    }

    @Test
    void nothingIsNoParty() {
        assertThat(Addresses.of("", ".")).isNull();
        assertThat(Addresses.of(null, null)).isNull();
    }

    @Test
    void pairsListsByPosition() {
        List<MailAddress> to = Addresses.list(
                List.of("CN=Jane Doe/O=Acme", "bob@customer.example", "CN=Tom Lee/O=Acme"),
                List.of("jane@acme.example", "bob@customer.example", "."));

        assertThat(to).containsExactly(
                MailAddress.of("jane@acme.example", "Jane Doe", "CN=Jane Doe/O=Acme"),
                MailAddress.of("bob@customer.example"),
                MailAddress.of("", "Tom Lee", "CN=Tom Lee/O=Acme"));
    }

    @Test
    void aShorterOrMissingInetListIsFine() {
        assertThat(Addresses.list(List.of("a@x.example", "CN=B/O=Acme"), List.of())).extracting(MailAddress::toString)
                .containsExactly("a@x.example", "\"B\" <CN=B/O=Acme>");
        assertThat(Addresses.list(List.of(), List.of("c@x.example"))).containsExactly(MailAddress.of("c@x.example"));
    }

    @Test
    void splitsAnInternetListHeldInOneEntryButNotAFlatNotesName() {
        assertThat(Addresses.list(List.of("a@x.example, \"Doe, B\" <b@y.example>"), List.of()))
                .containsExactly(MailAddress.of("a@x.example"), MailAddress.of("b@y.example", "Doe, B"));
        assertThat(Addresses.list(List.of("Doe, Jane"), List.of())).containsExactly(MailAddress.of("", "Doe, Jane", "Doe, Jane"));
    }

    @Test
    void dropsRepeatedParties() {
        assertThat(Addresses.list(List.of("a@x.example", "a@x.example"), List.of())).hasSize(1);
    }
}
