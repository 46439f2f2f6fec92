package io.crmbridge.agent.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void keepsTheTextAndTheLines() {
        String html = "<html><head><title>x</title><style>p{color:red}</style></head><body>"
                + "<p>Dear  Bob,</p>\n<p>the offer is<br>attached.</p><!-- tracking -->"
                + "<ul><li>one</li><li>two</li></ul><script>alert(1)</script>"
                + "<table><tr><td>a</td><td>b</td></tr></table><div>Regards<br/>Jane</div></body></html>";

        assertThat(HtmlText.toPlainText(html)).isEqualTo("Dear Bob,\n\nthe offer is\nattached.\n\n- one\n- two\n\na b\n\nRegards\nJane");
    }

    @Test
    void decodesCharacterReferences() {
        assertThat(HtmlText.toPlainText("M&uuml;ller &amp; S&ouml;hne &lt;b&gt; &#8364;5 &#x263A; &nbsp;x &unknown; &#0;"))
                .isEqualTo("Müller & Söhne <b> €5 ☺  x &unknown; \uFFFD");
    }

    @Test
    void emptyIsEmpty() {
        assertThat(HtmlText.toPlainText(null)).isEmpty();
        assertThat(HtmlText.toPlainText("<p></p>")).isEmpty();
    }
}
