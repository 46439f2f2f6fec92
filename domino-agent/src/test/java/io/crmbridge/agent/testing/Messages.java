package io.crmbridge.agent.testing;

import io.crmbridge.agent.core.mail.AttachmentInfo;
import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import java.time.Instant;
import java.util.List;

/** Mail messages for tests, filled in the way the agent fills them. */
public final class Messages {
    private Messages() {
    }

    public static MailMessage message(String clientRef) {
        return message(clientRef, "Hello");
    }

    public static MailMessage message(String clientRef, String body) {
        return MailMessage.builder()
                .clientRef(clientRef)
                .mailbox("jane@acme.example")
                .folder(Folder.INBOX)
                .messageId("<" + clientRef + "@mail.example>")
                .subject("Offer " + clientRef)
                .from(MailAddress.of("bob@customer.example", "Bob"))
                .to(List.of(MailAddress.of("jane@acme.example", "Jane Doe", "CN=Jane Doe/O=Acme")))
                .body(body, false)
                .build();
    }

    /** A message with every field set, to check the wire format. */
    public static MailMessage full(String clientRef) {
        return MailMessage.builder()
                .clientRef(clientRef)
                .mailbox("jane@acme.example")
                .folder(Folder.SENT)
                .messageId("<" + clientRef + "@acme.example>")
                .inReplyTo("<parent@customer.example>")
                .references(List.of("<root@customer.example>", "<parent@customer.example>"))
                .subject("Re: Angebot für Müller CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC")
                .from(MailAddress.of("jane@acme.example", "Jane Doe", "CN=Jane Doe/O=Acme"))
                .to(List.of(MailAddress.of("bob@customer.example", "Bob <& Co>"), MailAddress.of("", "", "CN=Tom/O=Acme")))
                .cc(List.of(MailAddress.of("carol@customer.example")))
                .bcc(List.of(MailAddress.of("boss@acme.example")))
                .postedAt(Instant.parse("2024-03-01T10:15:30Z"))
                .deliveredAt(Instant.parse("2024-03-01T10:15:31Z"))
                .body("Dear Bob,\n\nsee attached <offer> & price.\u0001\n", true)
                .attachments(List.of(new AttachmentInfo("offer.pdf", 12345), new AttachmentInfo("prices.xlsx", 0)))
                .replicaId("C1257A3B004F2C1D")
                .unid("0123456789ABCDEF0123456789ABCDEF")
                .build();
    }
}
