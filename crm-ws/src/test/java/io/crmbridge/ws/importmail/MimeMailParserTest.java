package io.crmbridge.ws.importmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailMessage;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MimeMailParserTest {
    private final MimeMailParser parser = new MimeMailParser("jane.doe@acme.example", Folder.INBOX, 40);

    @Test
    void readsHeadersAddressesBodyAndAttachments() throws Exception {
        MailMessage mail = parser.parse(raw("""
                Received: from mx by domino; Wed, 18 Nov 2026 08:05:09 +0000
                Message-ID: <teklif-1@agaoglu.example>
                In-Reply-To: <q-1@acme.example>
                References: <q-0@acme.example>
                 <q-1@acme.example>
                Date: Wed, 18 Nov 2026 08:05:00 +0000
                From: =?UTF-8?Q?Ay=C5=9Fe_A=C4=9Fao=C4=9Flu?= <ayse@agaoglu.example>
                To: Jane Doe <jane.doe@acme.example>, "Bob, Jr." <bob@acme.example>
                Cc: team@acme.example
                Subject: =?UTF-8?Q?Teklif_=E2=80=93_A=C4=9Fao=C4=9Flu?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: multipart/alternative; boundary="b2"

                --b2
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Merhaba Jane, =C4=B0yi g=C3=BCnler!
                --b2
                Content-Type: text/html; charset=UTF-8

                <p>ignored when plain text is there</p>
                --b2--
                --b1
                Content-Type: application/pdf; name="teklif.pdf"
                Content-Disposition: attachment; filename="teklif.pdf"
                Content-Transfer-Encoding: base64

                AAECAwQFBgcICQ==
                --b1--
                """));

        assertThat(mail.clientRef()).isEqualTo("test.eml");
        assertThat(mail.mailbox()).isEqualTo("jane.doe@acme.example");
        assertThat(mail.messageId()).isEqualTo("<teklif-1@agaoglu.example>");
        assertThat(mail.inReplyTo()).isEqualTo("<q-1@acme.example>");
        assertThat(mail.references()).containsExactly("<q-0@acme.example>", "<q-1@acme.example>");
        assertThat(mail.subject()).isEqualTo("Teklif – Ağaoğlu");
        assertThat(mail.from()).hasValueSatisfying(f -> {
            assertThat(f.email()).isEqualTo("ayse@agaoglu.example");
            assertThat(f.displayName()).isEqualTo("Ayşe Ağaoğlu");
        });
        assertThat(mail.to()).extracting(a -> a.email()).containsExactly("jane.doe@acme.example", "bob@acme.example");
        assertThat(mail.cc()).extracting(a -> a.email()).containsExactly("team@acme.example");
        assertThat(mail.postedAt()).contains(Instant.parse("2026-11-18T08:05:00Z"));
        assertThat(mail.deliveredAt()).contains(Instant.parse("2026-11-18T08:05:09Z"));
        assertThat(mail.body()).startsWith("Merhaba Jane, İyi günler!");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("teklif.pdf");
            assertThat(a.size()).isEqualTo(10);
        });
    }

    @Test
    void htmlOnlyMailBecomesTextAndLongBodiesAreCut() throws Exception {
        MailMessage mail = parser.parse(raw("""
                Subject: html
                Content-Type: text/html; charset=UTF-8

                <html><body><p>Hello <b>there</b></p><p>this body is longer than forty characters in all</p></body></html>
                """));
        assertThat(mail.body()).hasSize(40).startsWith("Hello there");
        assertThat(mail.bodyTruncated()).isTrue();
        assertThat(mail.messageId()).isEmpty();
    }

    @Test
    void somethingThatIsNotMailIsRefused() {
        assertThatThrownBy(() -> parser.parse(raw("just some text without headers\n")))
                .isInstanceOf(MessagingException.class);
    }

    private static RawMail raw(String text) {
        return new RawMail("test.eml", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
