package io.crmbridge.agent.core.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectTagTest {
    private static final UUID G1 = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID G2 = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private static Optional<UUID> guidIn(String subject) {
        return SubjectTag.find(subject).map(SubjectTag::guid);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Offer CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
        "Offer CRM:0f8fad5b-d9cb-469f-a165-70867728950e:MRC",
        "Offer CRM: {0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
        "Offer CRM: 0f8fad5b-d9cb-469f-a165-70867728950e:MRC",
        "Offer crm:{0F8FAD5B-D9CB-469F-A165-70867728950E}:mrc",
        "Offer Crm:{0f8fad5b-D9CB-469f-a165-70867728950E}:Mrc",
        "CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
        "RE: AW: CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC Offer",
        "RE:CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
        "Offer (CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC)",
        "Offer [CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC].",
        "Angebot für Müller – CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC – 東京",
    })
    void findsTheTagInEveryAcceptedForm(String subject) {
        assertThat(guidIn(subject)).contains(G1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "Offer without a tag",
        "CRM:{0f8fad5b-d9cb-469f-a165-70867728950}:MRC",        // short last group
        "CRM:{0f8fad5b-d9cb-469f-a165-70867728950ee}:MRC",      // long last group
        "CRM:{0f8fad5g-d9cb-469f-a165-70867728950e}:MRC",       // not hex
        "CRM:{0f8fad5b-d9cb-469f-a165-70867728950e:MRC",        // unbalanced brace
        "CRM:0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",        // unbalanced brace
        "CRM:{{0f8fad5b-d9cb-469f-a165-70867728950e}}:MRC",
        "CRM:0f8fad5bd9cb469fa16570867728950e:MRC",             // no hyphens
        "CRM:  {0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",     // two spaces
        "CRM :{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
        "CRM:{0f8fad5b-d9cb-469f-a165-70867728950e} :MRC",
        "CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRX",
        "CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}MRC",
        "CRM{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
        "XCRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",      // part of a word
        "CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRCS",
        "CRM:{}:MRC",
        "CRM::MRC",
    })
    void aMalformedTagIsNoTag(String subject) {
        assertThat(SubjectTag.find(subject)).isEmpty();
    }

    @Test
    void theLastValidTagWins() {
        assertThat(guidIn("CRM:{" + G1 + "}:MRC re CRM:{" + G2 + "}:MRC")).contains(G2);
        assertThat(guidIn("CRM:" + G2 + ":MRC and CRM:{" + G1 + "}:MRC")).contains(G1);
    }

    @Test
    void aMalformedTagAfterAValidOneDoesNotHideIt() {
        assertThat(guidIn("CRM:{" + G1 + "}:MRC then CRM:{not-a-guid}:MRC")).contains(G1);
        assertThat(guidIn("CRM:{" + G1 + "}:MRC then CRM:{" + G2 + ":MRC")).contains(G1);
    }

    @Test
    void adjacentTagsAreBothSeen() {
        assertThat(guidIn("CRM:{" + G1 + "}:MRC CRM:{" + G2 + "}:MRC")).contains(G2);
    }

    @Test
    void writesTheCanonicalForm() {
        assertThat(SubjectTag.of(G1).text()).isEqualTo("CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC");
        assertThat(SubjectTag.of("{0F8FAD5B-D9CB-469F-A165-70867728950E}").text())
                .isEqualTo("CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC");
        assertThat(SubjectTag.of(G1).toString()).isEqualTo(SubjectTag.of(G1).text());
    }

    @Test
    void whatIsWrittenIsReadBack() {
        assertThat(guidIn(SubjectTag.of(G2).text())).contains(G2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "{0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e}",
        "1-1-1-1-1"})
    void refusesTextThatIsNotAGuid(String text) {
        assertThatThrownBy(() -> SubjectTag.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> SubjectTag.of((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectTag.of((UUID) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendsAtTheEndAfterOneSpace() {
        assertThat(SubjectTag.append("Offer", G1)).isEqualTo("Offer CRM:{" + G1 + "}:MRC");
        assertThat(SubjectTag.append("Offer   ", G1)).isEqualTo("Offer CRM:{" + G1 + "}:MRC");
    }

    @Test
    void aMissingSubjectBecomesTheTagAlone() {
        assertThat(SubjectTag.append(null, G1)).isEqualTo("CRM:{" + G1 + "}:MRC");
        assertThat(SubjectTag.append("  ", G1)).isEqualTo("CRM:{" + G1 + "}:MRC");
    }

    @Test
    void appendingIsIdempotent() {
        String once = SubjectTag.append("Offer", G1);
        assertThat(SubjectTag.append(once, G1)).isEqualTo(once);
        assertThat(SubjectTag.append(SubjectTag.append(once, G1), G1)).isEqualTo(once);
    }

    @Test
    void anEquivalentTagInAnotherFormIsNotAppendedAgain() {
        String subject = "RE: Offer crm: " + G1.toString().toUpperCase() + ":mrc";
        assertThat(SubjectTag.append(subject, G1)).isEqualTo(subject);
    }

    @Test
    void anotherRecordsTagGetsTheNewTagAfterIt() {
        String subject = "Offer CRM:{" + G2 + "}:MRC";
        String tagged = SubjectTag.append(subject, G1);
        assertThat(tagged).isEqualTo(subject + " CRM:{" + G1 + "}:MRC");
        assertThat(guidIn(tagged)).contains(G1);
    }

    @Test
    void whenTheSameTagIsNotTheLastOneItIsAppendedSoItWins() {
        String subject = "CRM:{" + G1 + "}:MRC fwd CRM:{" + G2 + "}:MRC";
        assertThat(guidIn(SubjectTag.append(subject, G1))).contains(G1);
    }

    @Test
    void aMalformedTagIsLeftAloneAndTheRealOneAppended() {
        String subject = "Offer CRM:{" + G1 + ":MRC";
        assertThat(SubjectTag.append(subject, G1)).isEqualTo(subject + " CRM:{" + G1 + "}:MRC");
    }

    @Test
    void tagsAreEqualByGuid() {
        assertThat(SubjectTag.of(G1)).isEqualTo(SubjectTag.of("{" + G1.toString().toUpperCase() + "}"))
                .hasSameHashCodeAs(SubjectTag.of(G1)).isNotEqualTo(SubjectTag.of(G2));
    }
}
