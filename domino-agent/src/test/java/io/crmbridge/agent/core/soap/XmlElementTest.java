package io.crmbridge.agent.core.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

class XmlElementTest {
    private static XmlElement parse(String xml) throws XMLStreamException {
        return XmlElement.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesAnyDoctype() {
        assertThatThrownBy(() -> parse("<!DOCTYPE a><a/>")).isInstanceOf(XMLStreamException.class);
        assertThatThrownBy(() -> parse("<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/x.dtd\"><a/>")).isInstanceOf(XMLStreamException.class);
        assertThatThrownBy(() -> parse("<!DOCTYPE a [<!ENTITY e \"boom\">]><a>&e;</a>")).isInstanceOf(XMLStreamException.class);
    }

    @Test
    void readsNamespacesTextAndChildren() throws Exception {
        XmlElement root = parse("<x:a xmlns:x=\"urn:x\"><b>one</b><b> two </b><c><![CDATA[<3>]]></c></x:a>");

        assertThat(root.is("urn:x", "a")).isTrue();
        assertThat(root.children("b")).extracting(XmlElement::text).containsExactly("one", "two");
        assertThat(root.childText("c")).isEqualTo("<3>");
        assertThat(root.childText("missing")).isEmpty();
        assertThat(root.find("c")).isNotNull();
    }

    @Test
    void cleansTextXmlCannotHold() {
        assertThat(XmlText.clean("a\u0000b\u0007c\td\ne\rf\uFFFEg")).isEqualTo("abc\td\ne\rfg");
        assertThat(XmlText.clean("emoji \uD83D\uDE00 ok")).isEqualTo("emoji \uD83D\uDE00 ok");
        assertThat(XmlText.clean("lone \uD83D and \uDE00")).isEqualTo("lone  and ");
        String clean = "nothing to do";
        assertThat(XmlText.clean(clean)).isSameAs(clean);
    }
}
