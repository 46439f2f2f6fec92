package io.crmbridge.backend.exchange.webdav;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads a 207 Multi-Status body into responses; refuses DTDs and external entities. */
final class MultiStatusReader {

    private static final XMLInputFactory INPUT = safeFactory();

    private MultiStatusReader() {
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** The responses in document order; {@link IllegalArgumentException} when the body is not a Multi-Status. */
    static List<DavResponse> read(byte[] body) {
        try {
            XMLStreamReader xml = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                xml.nextTag();
                if (!isDav(xml, "multistatus")) {
                    throw new IllegalArgumentException("not a Multi-Status: root is " + xml.getName());
                }
                List<DavResponse> responses = new ArrayList<>();
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    if (isDav(xml, "response")) {
                        responses.add(response(xml));
                    } else {
                        skip(xml);
                    }
                }
                return responses;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("malformed Multi-Status: " + e.getMessage(), e);
        }
    }

    private static DavResponse response(XMLStreamReader xml) throws XMLStreamException {
        String href = "";
        int status = 0;
        Map<DavProperty, String> values = new LinkedHashMap<>();
        Map<DavProperty, Integer> statuses = new LinkedHashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (isDav(xml, "href")) {
                href = xml.getElementText().strip();
            } else if (isDav(xml, "status")) {
                status = statusCode(xml.getElementText());
            } else if (isDav(xml, "propstat")) {
                propstat(xml, values, statuses);
            } else {
                skip(xml);
            }
        }
        return new DavResponse(href, status, values, statuses);
    }

    private static void propstat(XMLStreamReader xml, Map<DavProperty, String> values,
                                 Map<DavProperty, Integer> statuses) throws XMLStreamException {
        Map<DavProperty, String> found = new LinkedHashMap<>();
        int status = 0;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (isDav(xml, "status")) {
                status = statusCode(xml.getElementText());
            } else if (isDav(xml, "prop")) {
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    DavProperty property = new DavProperty(xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI(),
                            xml.getLocalName());
                    found.put(property, text(xml));
                }
            } else {
                skip(xml);
            }
        }
        for (Map.Entry<DavProperty, String> entry : found.entrySet()) {
            statuses.put(entry.getKey(), status);
            if (status == 200) {
                values.put(entry.getKey(), entry.getValue());
            }
        }
    }

    /** The text of an element, nested elements (multi-valued properties) included, leaving the reader on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        text(xml);
    }

    /** 201 from {@code HTTP/1.1 201 Created}. */
    static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("bad status line: " + statusLine);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad status line: " + statusLine, e);
        }
    }

    private static boolean isDav(XMLStreamReader xml, String localName) {
        return DavProperty.DAV.equals(xml.getNamespaceURI()) && localName.equals(xml.getLocalName());
    }
}
