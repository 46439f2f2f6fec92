package io.crmbridge.design.install;

import io.crmbridge.design.dxl.Dxl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The CRM Bridge design DXL the installer imports, and the design elements it holds. */
public final class DesignDxl {

    /** Where the build puts the DXL inside the installer jar. */
    static final String EMBEDDED = "crm-bridge-design.dxl";

    private final String text;
    private final List<DesignElement> elements;

    private DesignDxl(String text, List<DesignElement> elements) {
        this.text = text;
        this.elements = elements;
    }

    /** The DXL the build embedded in the installer jar. */
    public static DesignDxl embedded() throws IOException {
        try (InputStream in = DesignDxl.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IOException("this installer jar carries no DXL (built without 'package'?): use --dxl FILE");
            }
            return parse(new String(readAll(in), StandardCharsets.UTF_8));
        }
    }

    public static DesignDxl read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no DXL file " + file);
        }
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** Checks that {@code text} is a DXL database and lists its agents and forms. */
    public static DesignDxl parse(String text) throws IOException {
        Document document;
        try {
            document = builder().parse(new InputSource(new StringReader(text)));
        } catch (SAXException e) {
            throw new IOException("not well-formed DXL: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!Dxl.NAMESPACE.equals(root.getNamespaceURI()) || !"database".equals(root.getLocalName())) {
            throw new IOException("not CRM Bridge design DXL: the root must be <database xmlns='" + Dxl.NAMESPACE + "'>");
        }
        List<DesignElement> elements = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && Dxl.NAMESPACE.equals(node.getNamespaceURI())) {
                Element element = (Element) node;
                for (DesignElement.Kind kind : DesignElement.Kind.values()) {
                    if (kind.dxl().equals(element.getLocalName())) {
                        elements.add(new DesignElement(kind, element.getAttribute("name"), element.getAttribute("alias")));
                    }
                }
            }
        }
        if (elements.isEmpty()) {
            throw new IOException("the DXL holds no agent and no form");
        }
        return new DesignDxl(text, Collections.unmodifiableList(elements));
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no secure XML parser available", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The DXL text with the signer placeholder replaced by {@code signer}, XML-escaped. */
    public String signedBy(String signer) {
        String escaped = signer.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return text.replace(Dxl.SIGNER_PLACEHOLDER, escaped);
    }

    public String text() {
        return text;
    }

    public List<DesignElement> elements() {
        return elements;
    }
}
