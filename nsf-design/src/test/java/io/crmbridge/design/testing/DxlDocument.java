package io.crmbridge.design.testing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Generated DXL, parsed, with XPath queries in which the prefix {@code d} is the DXL namespace. */
public final class DxlDocument {
    private final Document document;
    private final XPath xpath;

    private DxlDocument(Document document) {
        this.document = document;
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "d".equals(prefix) ? "http://www.lotus.com/dxl" : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return Collections.emptyIterator();
            }
        });
    }

    public static DxlDocument parse(String dxl) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new DxlDocument(factory.newDocumentBuilder().parse(new InputSource(new StringReader(dxl))));
    }

    public Element root() {
        return document.getDocumentElement();
    }

    public List<Element> elements(String expression) throws Exception {
        return elements(document, expression);
    }

    public List<Element> elements(Object context, String expression) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    public String value(Object context, String expression) throws Exception {
        return xpath.evaluate(expression, context);
    }

    /** The agent of that name. */
    public Element agent(String name) throws Exception {
        List<Element> agents = elements("/d:database/d:agent[@name='" + name + "']");
        if (agents.size() != 1) {
            throw new AssertionError("expected one agent named " + name + ", found " + agents.size());
        }
        return agents.get(0);
    }

    /** The decoded bytes of the agent's embedded jar. */
    public byte[] embeddedJar(Element agent) throws Exception {
        return Base64.getMimeDecoder().decode(value(agent, "d:code/d:javaproject/d:javaarchive").trim());
    }
}
