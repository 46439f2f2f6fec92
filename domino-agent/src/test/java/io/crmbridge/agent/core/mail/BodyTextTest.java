package io.crmbridge.agent.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyTextTest {

    @Test
    void cutsAtTheLimitAndSaysSo() {
        assertThat(BodyText.of("abcdef", 4)).extracting(BodyText::text, BodyText::truncated).containsExactly("abcd", true);
        assertThat(BodyText.of("abcd", 4)).extracting(BodyText::text, BodyText::truncated).containsExactly("abcd", false);
        assertThat(BodyText.of(null, 4).text()).isEmpty();
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        BodyText cut = BodyText.of("ab\uD83D\uDE00cd", 3);
        assertThat(cut.text()).isEqualTo("ab");
        assertThat(cut.truncated()).isTrue();
    }
}
