package io.crmbridge.ws.importmail;

import io.crmbridge.agent.core.mail.AttachmentInfo;
import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.Optional;
import java.util.Properties;
import org.jsoup.Jsoup;

/**
 * Parses an RFC 5322 message (an {@code .eml} file or one mbox entry) into the agent's message model,
 * the same model the Domino agent builds from a memo, so both take the same path to the server.
 */
public final class MimeMailParser {
    private static final Session SESSION = Session.getInstance(lenient());

    private final String mailbox;
    private final Folder folder;
    private final int bodyLimit;

    public MimeMailParser(String mailbox, Folder folder, int bodyLimit) {
        this.mailbox = mailbox;
        this.folder = folder;
        this.bodyLimit = bodyLimit;
    }

    /**
     * @throws MessagingException when the bytes are not a message (the caller reports and skips it)
     */
    public MailMessage parse(RawMail raw) throws MessagingException {
        MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(raw.bytes()));
        if (mime.getAllHeaders() == null || !mime.getAllHeaders().hasMoreElements()) {
            throw new MessagingException("no message headers");
        }
        if (mime.getHeader("From") == null && mime.getHeader("Message-ID") == null && mime.getHeader("Subject") == null) {
            throw new MessagingException("none of From, Subject, Message-ID: not a mail message");
        }
        Body body = new Body();
        try {
            collect(mime, body);
        } catch (IOException e) {
            throw new MessagingException("unreadable body: " + e.getMessage(), e);
        }
        String text = body.plain.length() > 0 ? body.plain.toString() : body.html.toString();
        boolean truncated = text.length() > bodyLimit;
        return MailMessage.builder()
                .clientRef(raw.origin())
                .mailbox(mailbox)
                .folder(folder)
                .messageId(header(mime, "Message-ID"))
                .inReplyTo(header(mime, "In-Reply-To"))
                .references(references(header(mime, "References")))
                .subject(Optional.ofNullable(mime.getSubject()).orElse(""))
                .from(first(addresses(mime, "From")))
                .to(addresses(mime, "To"))
                .cc(addresses(mime, "Cc"))
                .bcc(addresses(mime, "Bcc"))
                .postedAt(Optional.ofNullable(mime.getSentDate()).map(java.util.Date::toInstant).orElse(null))
                .deliveredAt(folder == Folder.INBOX ? receivedAt(mime).orElse(null) : null)
                .body(truncated ? text.substring(0, bodyLimit) : text, truncated)
                .attachments(body.attachments)
                .build();
    }

    private static void collect(Part part, Body body) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        String fileName = safeFileName(part);
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null && !part.isMimeType("multipart/*"))) {
            body.attachments.add(new AttachmentInfo(fileName == null ? "attachment" : fileName, size(part)));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, body);
            }
        } else if (part.isMimeType("text/plain") && body.plain.length() == 0) {
            body.plain.append(String.valueOf(part.getContent()));
        } else if (part.isMimeType("text/html") && body.html.length() == 0) {
            body.html.append(Jsoup.parse(String.valueOf(part.getContent())).wholeText().strip());
        } else if (part.isMimeType("message/rfc822")) {
            body.attachments.add(new AttachmentInfo("forwarded message.eml", size(part)));
        }
    }

    private static String safeFileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            return "attachment";
        }
    }

    private static long size(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static List<MailAddress> addresses(MimeMessage mime, String name) throws MessagingException {
        String header = mime.getHeader(name, ",");
        if (header == null || header.isBlank()) {
            return List.of();
        }
        Address[] parsed;
        try {
            parsed = InternetAddress.parseHeader(header, false);
        } catch (AddressException e) {
            return List.of();
        }
        List<MailAddress> result = new ArrayList<>();
        for (Address address : parsed) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null && !internet.getAddress().isBlank()) {
                result.add(MailAddress.of(internet.getAddress(), Optional.ofNullable(internet.getPersonal()).orElse("")));
            }
        }
        return result;
    }

    private static MailAddress first(List<MailAddress> addresses) {
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    private static String header(MimeMessage mime, String name) throws MessagingException {
        String value = mime.getHeader(name, " ");
        return value == null ? "" : value.trim();
    }

    static List<String> references(String header) {
        if (header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The delivery time from the newest Received header (the text after its last ';'). */
    private static Optional<Instant> receivedAt(MimeMessage mime) throws MessagingException {
        String[] received = mime.getHeader("Received");
        if (received == null || received.length == 0) {
            return Optional.empty();
        }
        String newest = received[0];
        int semicolon = newest.lastIndexOf(';');
        if (semicolon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailDateFormat().parse(newest.substring(semicolon + 1).trim()).toInstant());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static Properties lenient() {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.allowutf8", "true");
        return props;
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<AttachmentInfo> attachments = new ArrayList<>();
    }

}
