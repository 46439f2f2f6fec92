package io.crmbridge.backend.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailJsonTest {

    private final InboundMail mail = aMail().in("jane@acme.example", MailFolder.SENT).subject("Offer \"Q3\"")
            .from("jane@acme.example").to("ann@customer.example").cc("bob@customer.example")
            .replyTo("<earlier@customer.example>", "<first@customer.example>").postedAt(Instant.parse("2026-03-02T10:15:30Z"))
            .body("Dear Ann,\n\n\"quoted\" \\ backslash, tab\t, ünïcödé and a line\r\nend.\n").attachment("offer.pdf", 12_345).build();

    @Test
    void aMailReadsBackAsItWasWrittenWithItsBodyKeptOutOfTheJson() {
        MailJson.Stored stored = MailJson.write(mail);

        assertThat(stored.body()).isEqualTo(mail.body().getBytes(StandardCharsets.UTF_8));
        assertThat(stored.json()).doesNotContain("Dear Ann").contains("Offer \\\"Q3\\\"");
        assertThat(MailJson.read(stored.json(), stored.body())).isEqualTo(mail);
    }

    @Test
    void aPayloadStoredBeforeBodiesWereKeptApartStillReadsWithItsBody() {
        String written = "{\"clientRef\":\"r1\",\"mailbox\":\"jane@acme.example\",\"folder\":\"INBOX\",\"subject\":\"Old\","
                + "\"body\":\"The body inside the JSON\",\"bodyTruncated\":false}";

        InboundMail read = MailJson.read(written, new byte[0]);

        assertThat(read.subject()).isEqualTo("Old");
        assertThat(read.body()).isEqualTo("The body inside the JSON");
    }

    @Test
    void somethingElseThanAMailIsRefused() {
        assertThatThrownBy(() -> MailJson.read("{not json", new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not readable JSON");
    }
}
