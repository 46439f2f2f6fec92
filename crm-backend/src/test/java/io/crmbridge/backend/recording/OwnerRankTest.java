package io.crmbridge.backend.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OwnerRankTest {

    @Test
    void aRankIsTheMomentInZeroPaddedMicrosThenSentBeforeInboxThenTheMailbox() {
        Instant seen = Instant.parse("2026-03-01T09:15:00.123456Z");

        assertThat(OwnerRank.of(seen, true, "jane@acme.example")).isEqualTo("00001772356500123456|0|jane@acme.example");
        assertThat(OwnerRank.of(seen, false, "jane@acme.example")).isEqualTo("00001772356500123456|1|jane@acme.example");
        assertThat(OwnerRank.of(Instant.EPOCH.minusSeconds(5), false, "x@y")).isEqualTo("00000000000000000000|1|x@y");
    }

    @Test
    void ranksCompareAsTextInTheOrderOfTheirMoments() {
        Instant earlier = Instant.parse("2026-03-01T09:15:00Z");
        Instant later = earlier.plusNanos(1_000);

        assertThat(OwnerRank.of(earlier, false, "z@acme.example")).isLessThan(OwnerRank.of(later, true, "a@acme.example"));
        assertThat(OwnerRank.of(earlier, true, "z@acme.example")).isLessThan(OwnerRank.of(earlier, false, "a@acme.example"));
    }

    @Test
    void theDigitsAreAsciiWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(OwnerRank.of(Instant.ofEpochSecond(1), false, "x@y")).isEqualTo("00000000000001000000|1|x@y");
        } finally {
            Locale.setDefault(before);
        }
    }
}
