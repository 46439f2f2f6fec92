package io.crmbridge.backend.mailbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotesNameTest {
    @Test
    void canonicalAbbreviatedAndRoutedFormsOfOneNameAreOneKey() {
        assertThat(NotesName.key("CN=Jane Doe/OU=Sales/O=Acme/C=US")).isEqualTo("jane doe/sales/acme/us");
        assertThat(NotesName.key("Jane Doe/Sales/Acme/US")).isEqualTo("jane doe/sales/acme/us");
        assertThat(NotesName.key(" cn=JANE  DOE/ou=Sales/o=Acme/c=US@AcmeDomain ")).isEqualTo("jane doe/sales/acme/us");
    }

    @Test
    void flatAndBlankNames() {
        assertThat(NotesName.key("Doe, Jane")).isEqualTo("doe, jane");
        assertThat(NotesName.key("")).isEmpty();
        assertThat(NotesName.key(null)).isEmpty();
    }
}
