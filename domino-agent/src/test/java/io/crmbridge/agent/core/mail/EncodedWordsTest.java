package io.crmbridge.agent.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {

    @Test
    void decodesQAndB() {
        assertThat(EncodedWords.decode("=?utf-8?q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=")).isEqualTo("Grüße aus Köln");
        assertThat(EncodedWords.decode("=?UTF-8?B?5p2x5Lqs?=")).isEqualTo("東京");
    }

    @Test
    void joinsAdjacentWordsAndKeepsPlainText() {
        assertThat(EncodedWords.decode("Re: =?UTF-8?Q?M=C3=BC?= =?UTF-8?Q?ller?= here")).isEqualTo("Re: Müller here");
    }

    @Test
    void leavesWhatItCannotDecode() {
        assertThat(EncodedWords.decode("=?x-unknown?Q?abc?=")).isEqualTo("=?x-unknown?Q?abc?=");
        assertThat(EncodedWords.decode("=?UTF-8?Q?bad=ZZ?=")).isEqualTo("=?UTF-8?Q?bad=ZZ?=");
        assertThat(EncodedWords.decode("no words")).isEqualTo("no words");
        assertThat(EncodedWords.decode(null)).isEmpty();
    }
}
