package io.crmbridge.design.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.design.dxl.Dxl;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DesignDxlTest {
    private static final String DXL = "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<database xmlns='http://www.lotus.com/dxl'>"
            + "<agent name='CRM Bridge Inbox' alias='CRMBridgeInbox'><wassignedby><name>" + Dxl.SIGNER_PLACEHOLDER
            + "</name></wassignedby><trigger type='afternewmail'/></agent>"
            + "<form name='CRM Bridge Settings' alias='CRMBridgeSettings'><body><richtext/></body></form>"
            + "</database>";

    @Test
    void listsTheAgentsAndFormsInOrder() throws Exception {
        DesignDxl design = DesignDxl.parse(DXL);

        assertThat(design.elements()).extracting(DesignElement::toString)
                .containsExactly("agent 'CRM Bridge Inbox'", "form 'CRM Bridge Settings'");
        assertThat(design.elements()).extracting(DesignElement::alias).containsExactly("CRMBridgeInbox", "CRMBridgeSettings");
    }

    @Test
    void putsTheSignerInPlaceOfThePlaceholderEscaped() throws Exception {
        String signed = DesignDxl.parse(DXL).signedBy("CN=Mail & Co/O=Acme");

        assertThat(signed).contains("<name>CN=Mail &amp; Co/O=Acme</name>").doesNotContain(Dxl.SIGNER_PLACEHOLDER);
        assertThat(DesignDxl.parse(signed).elements()).hasSize(2);
    }

    @Test
    void rejectsWhatIsNotDesignDxl() {
        assertThatThrownBy(() -> DesignDxl.parse("<database/>")).isInstanceOf(IOException.class)
                .hasMessageContaining("the root must be <database xmlns='http://www.lotus.com/dxl'>");
        assertThatThrownBy(() -> DesignDxl.parse("<database xmlns='http://www.lotus.com/dxl'/>"))
                .hasMessage("the DXL holds no agent and no form");
        assertThatThrownBy(() -> DesignDxl.parse("<database")).hasMessageContaining("not well-formed DXL");
    }

    @Test
    void refusesDoctypesAndTheirEntities() {
        String withEntity = "<?xml version='1.0'?><!DOCTYPE database [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<database xmlns='http://www.lotus.com/dxl'><form name='&x;'/></database>";

        assertThatThrownBy(() -> DesignDxl.parse(withEntity)).isInstanceOf(IOException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
