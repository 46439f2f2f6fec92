package io.crmbridge.agent.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The XSD of {@code crm-ws/.../mail.wsdl}, to validate what the client writes against the real contract. */
public final class MailContract {
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";
    private static Schema schema;

    private MailContract() {
    }

    public static Path wsdl() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("crm-ws/src/main/resources/wsdl/mail.wsdl");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("mail.wsdl not found above " + Paths.get("").toAbsolutePath());
    }

    /** Throws when the SOAP body's payload of this envelope is not valid against the contract. */
    public static void validatePayload(String envelope) throws Exception {
        Document doc = parse(envelope);
        Element body = (Element) doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        Element payload = null;
        for (org.w3c.dom.Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                payload = (Element) n;
                break;
            }
        }
        schema().newValidator().validate(new DOMSource(payload));
    }

    public static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static synchronized Schema schema() throws Exception {
        if (schema == null) {
            Document wsdl = parse(Files.readString(wsdl()));
            NodeList schemas = wsdl.getElementsByTagNameNS(XSD, "schema");
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schema = f.newSchema(new DOMSource(schemas.item(0)));
        }
        return schema;
    }
}
