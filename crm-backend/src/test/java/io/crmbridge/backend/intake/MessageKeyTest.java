package io.crmbridge.backend.intake;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;

class MessageKeyTest {
    @Test
    void normalizesMessageIdsToTrimmedAngleBrackets() {
        assertThat(MessageKey.normalizeMessageId(" abc@x.example ")).contains("<abc@x.example>");
        assertThat(MessageKey.normalizeMessageId("<abc@x.example>")).contains("<abc@x.example>");
        assertThat(MessageKey.normalizeMessageId("<AbC@x.example")).contains("<AbC@x.example>");
        assertThat(MessageKey.normalizeMessageId("  ")).isEmpty();
        assertThat(MessageKey.normalizeMessageId("<>")).isEmpty();
    }

    @Test
    void keysByMessageIdWhereThereIsOne() {
        assertThat(MessageKey.of(aMail().messageId("abc@x.example").build())).isEqualTo("<abc@x.example>");
        assertThat(MessageKey.of(aMail().messageId(" ").body("b").build())).startsWith("sha256:");
    }

    @Test
    void theContentHashIgnoresWhatMailboxesDoDifferently() {
        Instant at = Instant.parse("2024-05-06T07:08:09.123Z");
        String sent = MessageKey.of(aMail().withoutMessageId().from("Jane@Acme.example").postedAt(at).subject("Offer")
                .body("Dear Ann,\n\nthe offer.").build());
        String received = MessageKey.of(aMail().withoutMessageId().from("jane@acme.example").postedAt(Instant.parse("2024-05-06T07:08:09Z"))
                .subject("Offer CRM:" + UUID.randomUUID() + ":MRC").body("Dear Ann, the offer.").build());
        String other = MessageKey.of(aMail().withoutMessageId().from("jane@acme.example").postedAt(at).subject("Offer")
                .body("Dear Bob, the offer.").build());

        assertThat(sent).startsWith("sha256:").hasSize(7 + 64).isEqualTo(received).isNotEqualTo(other);
    }
}
