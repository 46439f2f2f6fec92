package io.crmbridge.backend.exchange.webdav;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes PROPPATCH and PROPFIND request bodies with an XML writer, so that any text (ampersands, angle
 * brackets, quotes, any script) reaches Exchange as the characters it is.
 */
final class DavXmlBodies {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private DavXmlBodies() {
    }

    /**
     * A {@code propertyupdate}: non-empty values in {@code set}, empty ones in {@code remove}, so the
     * item ends up holding exactly the non-empty values of the named properties.
     */
    static byte[] propertyUpdate(Map<DavProperty, String> properties) {
        List<DavProperty> removed = new ArrayList<>();
        Map<DavProperty, String> set = new LinkedHashMap<>();
        properties.forEach((property, value) -> {
            if (value.isEmpty()) {
                removed.add(property);
            } else {
                set.put(property, value);
            }
        });
        Collection<DavProperty> all = properties.keySet();
        return write(all, "propertyupdate", xml -> {
            if (!set.isEmpty()) {
                xml.writeStartElement("D", "set", DavProperty.DAV);
                xml.writeStartElement("D", "prop", DavProperty.DAV);
                for (Map.Entry<DavProperty, String> entry : set.entrySet()) {
                    start(xml, entry.getKey());
                    xml.writeCharacters(entry.getValue());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            if (!removed.isEmpty()) {
                xml.writeStartElement("D", "remove", DavProperty.DAV);
                xml.writeStartElement("D", "prop", DavProperty.DAV);
                for (DavProperty property : removed) {
                    empty(xml, property);
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
        });
    }

    /** A {@code propfind} naming the properties to read. */
    static byte[] propfind(Collection<DavProperty> properties) {
        return write(properties, "propfind", xml -> {
            xml.writeStartElement("D", "prop", DavProperty.DAV);
            for (DavProperty property : properties) {
                empty(xml, property);
            }
            xml.writeEndElement();
        });
    }

    private interface Content {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Collection<DavProperty> properties, String root, Content content) {
        Map<String, String> prefixes = prefixes(properties);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("D", root, DavProperty.DAV);
            for (Map.Entry<String, String> ns : prefixes.entrySet()) {
                xml.writeNamespace(ns.getValue(), ns.getKey());
                xml.setPrefix(ns.getValue(), ns.getKey());
            }
            content.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a WebDAV body", e);
        }
        return out.toByteArray();
    }

    /** D for DAV:, then c, e, m… for the rest, declared once on the root. */
    private static Map<String, String> prefixes(Collection<DavProperty> properties) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put(DavProperty.DAV, "D");
        for (DavProperty property : properties) {
            prefixes.computeIfAbsent(property.namespace(), ns -> switch (ns) {
                case DavProperty.CONTACTS -> "c";
                case DavProperty.HTTPMAIL -> "m";
                case DavProperty.EXCHANGE -> "e";
                default -> "n" + prefixes.size();
            });
        }
        return prefixes;
    }

    private static void start(XMLStreamWriter xml, DavProperty property) throws XMLStreamException {
        xml.writeStartElement(xml.getPrefix(property.namespace()), property.name(), property.namespace());
    }

    private static void empty(XMLStreamWriter xml, DavProperty property) throws XMLStreamException {
        xml.writeEmptyElement(xml.getPrefix(property.namespace()), property.name(), property.namespace());
    }
}
