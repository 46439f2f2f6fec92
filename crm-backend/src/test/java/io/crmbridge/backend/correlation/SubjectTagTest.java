package io.crmbridge.backend.correlation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectTagTest {
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID OTHER = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @ParameterizedTest
    @ValueSource(strings = {
            "Offer CRM:0f8fad5b-d9cb-469f-a165-70867728950e:MRC",
            "Offer crm:0F8FAD5B-D9CB-469F-A165-70867728950E:mrc",
            "Offer CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
            "Offer CRM: 0f8fad5b-d9cb-469f-a165-70867728950e:MRC",
            "Offer CRM: {0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
            "RE: [CRM:0f8fad5b-d9cb-469f-a165-70867728950e:MRC] Offer",
            "CRM:0f8fad5b-d9cb-469f-a165-70867728950e:MRC"})
    void findsTheTagInItsForms(String subject) {
        assertThat(SubjectTag.lastIn(subject)).map(SubjectTag::recordId).contains(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Offer",
            "Offer CRM:1234:MRC",
            "Offer CRM:{0f8fad5b-d9cb-469f-a165-70867728950e:MRC",
            "Offer CRM:0f8fad5b-d9cb-469f-a165-70867728950e}:MRC",
            "Offer CRM:  0f8fad5b-d9cb-469f-a165-70867728950e:MRC",
            "Offer CRM:0f8fad5bd9cb469fa16570867728950e:MRC",
            "Offer CRM:0f8fad5b-d9cb-469f-a165-70867728950e:MR",
            "Offer XCRM:0f8fad5b-d9cb-469f-a165-70867728950e:MRC",
            "Offer CRM:0f8fad5b-d9cb-469f-a165-70867728950e:MRCX",
            "Offer CRM:0f8fad5b-d9cb-469f-a165-70867728950g:MRC"})
    void aMalformedTagIsNoTag(String subject) {
        assertThat(SubjectTag.lastIn(subject)).isEmpty();
    }

    @Test
    void theLastValidTagWins() {
        String subject = "Fwd: CRM:" + OTHER + ":MRC offer CRM:" + ID + ":MRC CRM:broken:MRC";

        assertThat(SubjectTag.lastIn(subject)).map(SubjectTag::recordId).contains(ID);
        assertThat(SubjectTag.lastIn(subject)).map(SubjectTag::text).contains("CRM:" + ID + ":MRC");
    }

    @Test
    void formatsLowerCaseAndStripsEveryTag() {
        assertThat(SubjectTag.format(UUID.fromString("0F8FAD5B-D9CB-469F-A165-70867728950E")))
                .isEqualTo("CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC");
        assertThat(SubjectTag.strip("Re:  Offer CRM:" + ID + ":MRC  now CRM: {" + OTHER + "}:MRC")).isEqualTo("Re: Offer now");
    }

    @Test
    void appendingATagAddsItOnceAndOnlyWhenTheLastTagNamesAnotherRecord() {
        UUID id = UUID.fromString("6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
        UUID other = UUID.fromString("00000000-0000-4000-8000-000000000001");

        assertThat(SubjectTag.appendTo("Offer", id)).isEqualTo("Offer CRM:{6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b}:MRC");
        assertThat(SubjectTag.appendTo(" ", id)).isEqualTo("CRM:{6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b}:MRC");
        assertThat(SubjectTag.appendTo("Re: Offer crm: 6F1C2A34-5B6D-4E7F-8A9B-0C1D2E3F4A5B:mrc", id))
                .isEqualTo("Re: Offer crm: 6F1C2A34-5B6D-4E7F-8A9B-0C1D2E3F4A5B:mrc");
        assertThat(SubjectTag.lastIn(SubjectTag.appendTo("Fwd: CRM:" + other + ":MRC", id)).map(SubjectTag::recordId)).contains(id);
    }
}
