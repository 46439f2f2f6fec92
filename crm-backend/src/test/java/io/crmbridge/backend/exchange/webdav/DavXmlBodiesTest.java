package io.crmbridge.backend.exchange.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class DavXmlBodiesTest {

    @Test
    void propertyUpdateSetsValuesAndRemovesEmptyOnesSurvivingAnyText() throws Exception {
        Map<DavProperty, String> properties = new LinkedHashMap<>();
        properties.put(DavProperty.CONTENTCLASS, "urn:content-classes:person");
        properties.put(ContactProperties.COMPANY, "Ağaoğlu & Sons <Ltd> \"quoted\" ]]> 'x'");
        properties.put(ContactProperties.NOTES, "two\nlines");
        properties.put(ContactProperties.TITLE, "");
        properties.put(ContactProperties.MIDDLE_NAME, "");

        Document document = parse(DavXmlBodies.propertyUpdate(properties));

        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("DAV:");
        assertThat(root.getLocalName()).isEqualTo("propertyupdate");
        List<Element> blocks = children(root);
        assertThat(blocks).extracting(Element::getLocalName).containsExactly("set", "remove");
        List<Element> set = children(children(blocks.get(0)).get(0));
        assertThat(set).extracting(e -> e.getNamespaceURI() + e.getLocalName()).containsExactly(
                "DAV:contentclass", "urn:schemas:contacts:o", "urn:schemas:httpmail:textdescription");
        assertThat(set.get(1).getTextContent()).isEqualTo("Ağaoğlu & Sons <Ltd> \"quoted\" ]]> 'x'");
        assertThat(set.get(2).getTextContent()).isEqualTo("two\nlines");
        List<Element> removed = children(children(blocks.get(1)).get(0));
        assertThat(removed).extracting(e -> e.getNamespaceURI() + e.getLocalName())
                .containsExactly("urn:schemas:contacts:title", "urn:schemas:contacts:middlename");
    }

    @Test
    void propertyUpdateWithNothingEmptyHasNoRemoveBlock() throws Exception {
        Document document = parse(DavXmlBodies.propertyUpdate(Map.of(ContactProperties.SURNAME, "Lee")));

        assertThat(children(document.getDocumentElement())).extracting(Element::getLocalName).containsExactly("set");
    }

    @Test
    void propfindNamesEachProperty() throws Exception {
        Document document = parse(DavXmlBodies.propfind(List.of(DavProperty.GETETAG, ContactProperties.SURNAME,
                DavProperty.SENDMSG)));

        List<Element> props = children(children(document.getDocumentElement()).get(0));
        assertThat(props).extracting(e -> e.getNamespaceURI() + e.getLocalName())
                .containsExactly("DAV:getetag", "urn:schemas:contacts:sn", "urn:schemas:httpmail:sendmsg");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
