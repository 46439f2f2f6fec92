package io.crmbridge.agent.core.soap;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small read-only element tree of a SOAP answer (answers are receipts and statuses, never large).
 * Parsing refuses DTDs and external entities.
 */
final class XmlElement {
    private final String namespace;
    private final String name;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlElement> children = new ArrayList<XmlElement>();

    private XmlElement(String namespace, String name) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
    }

    static XmlElement parse(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        XMLStreamReader r = f.createXMLStreamReader(in);
        try {
            List<XmlElement> stack = new ArrayList<XmlElement>();
            XmlElement root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD:
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw new XMLStreamException("the answer carries a DTD or entity reference; refused");
                    case XMLStreamConstants.START_ELEMENT:
                        XmlElement e = new XmlElement(r.getNamespaceURI(), r.getLocalName());
                        if (stack.isEmpty()) {
                            root = e;
                        } else {
                            stack.get(stack.size() - 1).children.add(e);
                        }
                        stack.add(e);
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        stack.remove(stack.size() - 1);
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (!stack.isEmpty()) {
                            stack.get(stack.size() - 1).text.append(r.getText());
                        }
                        break;
                    default:
                        break;
                }
            }
            if (root == null) {
                throw new XMLStreamException("the answer holds no XML element");
            }
            return root;
        } finally {
            r.close();
        }
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    boolean is(String ns, String localName) {
        return namespace.equals(ns) && name.equals(localName);
    }

    /** The element's own text, trimmed. */
    String text() {
        return text.toString().trim();
    }

    List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    /** The first child of that local name (any namespace: SOAP stacks differ in how they qualify fault children), or null. */
    XmlElement child(String localName) {
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                return c;
            }
        }
        return null;
    }

    /** The text of the first child of that local name, or "". */
    String childText(String localName) {
        XmlElement c = child(localName);
        return c == null ? "" : c.text();
    }

    List<XmlElement> children(String localName) {
        List<XmlElement> found = new ArrayList<XmlElement>();
        for (XmlElement c : children) {
            if (c.name.equals(localName)) {
                found.add(c);
            }
        }
        return found;
    }

    /** The first descendant (depth first, this element included) of that local name, or null. */
    XmlElement find(String localName) {
        if (name.equals(localName)) {
            return this;
        }
        for (XmlElement c : children) {
            XmlElement hit = c.find(localName);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }
}
