package io.crmbridge.agent.core.soap;

import io.crmbridge.agent.core.mail.AttachmentInfo;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.tag.OutgoingMail;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes SOAP 1.1 request envelopes for the mail service. Elements follow the XSD sequences of
 * {@code mail.wsdl} exactly; optional elements are left out when empty.
 */
final class Envelopes {
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String MAIL_NS = "http://crmbridge.io/ws/mail/v1";
    static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    private final String user;
    private final char[] password;
    private final boolean wsSecurity;

    Envelopes(String user, char[] password, boolean wsSecurity) {
        this.user = user;
        this.password = password;
        this.wsSecurity = wsSecurity;
    }

    byte[] submitMail(List<MailMessage> batch) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        XMLStreamWriter w = open(out);
        w.writeStartElement("m", "SubmitMail", MAIL_NS);
        for (MailMessage m : batch) {
            message(w, m);
        }
        w.writeEndElement();
        return close(w, out);
    }

    byte[] getMailStatus(List<String> receiptIds) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        XMLStreamWriter w = open(out);
        w.writeStartElement("m", "GetMailStatus", MAIL_NS);
        for (String id : receiptIds) {
            element(w, "receiptId", id, true);
        }
        w.writeEndElement();
        return close(w, out);
    }

    byte[] tagOutgoing(OutgoingMail mail) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        XMLStreamWriter w = open(out);
        w.writeStartElement("m", "TagOutgoing", MAIL_NS);
        element(w, "mailbox", mail.mailbox(), true);
        element(w, "subject", mail.subject(), false);
        addresses(w, "to", mail.to());
        addresses(w, "cc", mail.cc());
        addresses(w, "bcc", mail.bcc());
        element(w, "inReplyTo", mail.inReplyTo(), false);
        for (String r : mail.references()) {
            element(w, "references", r, false);
        }
        w.writeEndElement();
        return close(w, out);
    }

    private XMLStreamWriter open(ByteArrayOutputStream out) throws XMLStreamException {
        // A factory per request: the StAX API does not promise that one is safe across the submitter's threads.
        XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("soap", "Envelope", SOAP_NS);
        w.writeNamespace("soap", SOAP_NS);
        w.writeNamespace("m", MAIL_NS);
        if (wsSecurity && !user.isEmpty()) {
            security(w);
        }
        w.writeStartElement("soap", "Body", SOAP_NS);
        return w;
    }

    private static byte[] close(XMLStreamWriter w, ByteArrayOutputStream out) throws XMLStreamException {
        w.writeEndElement(); // Body
        w.writeEndElement(); // Envelope
        w.writeEndDocument();
        w.close();
        return out.toByteArray();
    }

    /** A UsernameToken the server need not understand (mustUnderstand 0): HTTP Basic carries the same. */
    private void security(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("soap", "Header", SOAP_NS);
        w.writeStartElement("wsse", "Security", WSSE_NS);
        w.writeNamespace("wsse", WSSE_NS);
        w.writeAttribute("soap", SOAP_NS, "mustUnderstand", "0");
        w.writeStartElement("wsse", "UsernameToken", WSSE_NS);
        w.writeStartElement("wsse", "Username", WSSE_NS);
        w.writeCharacters(XmlText.clean(user));
        w.writeEndElement();
        w.writeStartElement("wsse", "Password", WSSE_NS);
        w.writeAttribute("Type", PASSWORD_TEXT);
        w.writeCharacters(XmlText.clean(new String(password)));
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void message(XMLStreamWriter w, MailMessage m) throws XMLStreamException {
        w.writeStartElement("m", "message", MAIL_NS);
        element(w, "clientRef", m.clientRef(), true);
        element(w, "mailbox", m.mailbox(), true);
        element(w, "folder", m.folder().name(), true);
        element(w, "messageId", m.messageId(), false);
        element(w, "inReplyTo", m.inReplyTo(), false);
        for (String r : m.references()) {
            element(w, "references", r, false);
        }
        element(w, "subject", m.subject(), false);
        if (m.from().isPresent()) {
            address(w, "from", m.from().get());
        }
        addresses(w, "to", m.to());
        addresses(w, "cc", m.cc());
        addresses(w, "bcc", m.bcc());
        instant(w, "postedAt", m.postedAt().orElse(null));
        instant(w, "deliveredAt", m.deliveredAt().orElse(null));
        element(w, "body", m.body(), false);
        if (m.bodyTruncated()) {
            element(w, "bodyTruncated", "true", true);
        }
        for (AttachmentInfo a : m.attachments()) {
            w.writeStartElement("m", "attachment", MAIL_NS);
            element(w, "name", a.name(), true);
            element(w, "size", Long.toString(a.size()), true);
            w.writeEndElement();
        }
        element(w, "replicaId", m.replicaId(), false);
        element(w, "unid", m.unid(), false);
        w.writeEndElement();
    }

    private static void addresses(XMLStreamWriter w, String name, List<MailAddress> list) throws XMLStreamException {
        for (MailAddress a : list) {
            address(w, name, a);
        }
    }

    private static void address(XMLStreamWriter w, String name, MailAddress a) throws XMLStreamException {
        w.writeStartElement("m", name, MAIL_NS);
        element(w, "email", a.email(), false);
        element(w, "displayName", a.displayName(), false);
        element(w, "notesName", a.notesName(), false);
        w.writeEndElement();
    }

    private static void instant(XMLStreamWriter w, String name, Instant at) throws XMLStreamException {
        if (at != null) {
            element(w, name, at.toString(), true); // ISO-8601 in UTC is a valid xs:dateTime
        }
    }

    private static void element(XMLStreamWriter w, String name, String value, boolean required)
            throws XMLStreamException {
        if (!required && value.isEmpty()) {
            return;
        }
        w.writeStartElement("m", name, MAIL_NS);
        w.writeCharacters(XmlText.clean(value));
        w.writeEndElement();
    }
}
