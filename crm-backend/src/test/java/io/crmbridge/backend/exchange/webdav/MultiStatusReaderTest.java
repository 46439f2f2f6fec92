package io.crmbridge.backend.exchange.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiStatusReaderTest {

    /** A PROPPATCH answer in the shape Exchange 2003 sends: prefix a: for DAV:, one propstat per status. */
    private static final String PROPPATCH_ANSWER = """
            <?xml version="1.0"?>
            <a:multistatus xmlns:b="urn:uuid:c2f41010-65b3-11d1-a29f-00aa00c14882/" xmlns:c="urn:schemas:contacts:" xmlns:a="DAV:">
              <a:response>
                <a:href>https://mail/exchange/jdoe/Kontakte/Customer-1.EML</a:href>
                <a:status>HTTP/1.1 201 Created</a:status>
                <a:propstat><a:status>HTTP/1.1 200 OK</a:status><a:prop><c:sn/><c:givenName/></a:prop></a:propstat>
                <a:propstat><a:status>HTTP/1.1 409 Conflict</a:status><a:prop><c:title/></a:prop></a:propstat>
              </a:response>
            </a:multistatus>
            """;

    @Test
    void readsResourceStatusAndEveryPropertyStatus() {
        List<DavResponse> responses = MultiStatusReader.read(PROPPATCH_ANSWER.getBytes(StandardCharsets.UTF_8));

        assertThat(responses).hasSize(1);
        DavResponse response = responses.get(0);
        assertThat(response.href()).isEqualTo("https://mail/exchange/jdoe/Kontakte/Customer-1.EML");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.statuses()).containsExactly(
                java.util.Map.entry(ContactProperties.SURNAME, 200),
                java.util.Map.entry(ContactProperties.GIVEN_NAME, 200),
                java.util.Map.entry(ContactProperties.TITLE, 409));
    }

    @Test
    void readsValuesTypedDatesAndEscapedText() {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <D:multistatus xmlns:D="DAV:" xmlns:dt="urn:uuid:c2f41010-65b3-11d1-a29f-00aa00c14882/"><D:response>
                <D:href>x</D:href>
                <D:propstat><D:status>HTTP/1.1 200 OK</D:status><D:prop>
                  <D:getetag>"abc-1"</D:getetag>
                  <D:getlastmodified dt:dt="dateTime.tz">2004-09-09T12:00:00.000Z</D:getlastmodified>
                  <o xmlns="urn:schemas:contacts:">Ağaoğlu &amp; Sons &lt;Ltd&gt;</o>
                  <email1 xmlns="urn:schemas:contacts:"><![CDATA["A" <a@b>]]></email1>
                </D:prop></D:propstat>
                <D:propstat><D:status>HTTP/1.1 404 Resource Not Found</D:status><D:prop><title xmlns="urn:schemas:contacts:"/></D:prop></D:propstat>
                </D:response></D:multistatus>
                """;

        DavResponse response = MultiStatusReader.read(xml.getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(response.status()).isZero();
        assertThat(response.values()).containsEntry(DavProperty.GETETAG, "\"abc-1\"")
                .containsEntry(DavProperty.GETLASTMODIFIED, "2004-09-09T12:00:00.000Z")
                .containsEntry(ContactProperties.COMPANY, "Ağaoğlu & Sons <Ltd>")
                .containsEntry(DavProperty.contacts("email1"), "\"A\" <a@b>")
                .doesNotContainKey(ContactProperties.TITLE);
        assertThat(response.statuses()).containsEntry(ContactProperties.TITLE, 404);
    }

    @Test
    void refusesDoctypesAndGarbage() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<a:multistatus xmlns:a=\"DAV:\"><a:response><a:href>&e;</a:href></a:response></a:multistatus>";

        assertThatThrownBy(() -> MultiStatusReader.read(withEntity.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultiStatusReader.read("<html>oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultiStatusReader.read("<a:x xmlns:a=\"DAV:\"/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a Multi-Status");
    }

    @Test
    void parsesStatusLines() {
        assertThat(MultiStatusReader.statusCode("HTTP/1.1 424 Failed Dependency")).isEqualTo(424);
        assertThatThrownBy(() -> MultiStatusReader.statusCode("OK")).isInstanceOf(IllegalArgumentException.class);
    }
}
