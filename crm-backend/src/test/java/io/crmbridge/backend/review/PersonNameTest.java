package io.crmbridge.backend.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTest {
    @Test
    void namesAreTakenFromTheDisplayNameInEitherOrder() {
        assertThat(PersonName.guess("Ann Customer", "x@y.example")).isEqualTo(new PersonName("Ann", "Customer"));
        assertThat(PersonName.guess("Ann Marie van Dyke", "x@y.example")).isEqualTo(new PersonName("Ann Marie van", "Dyke"));
        assertThat(PersonName.guess("\"Customer, Ann\"", "x@y.example")).isEqualTo(new PersonName("Ann", "Customer"));
        assertThat(PersonName.guess("Madonna", "x@y.example")).isEqualTo(new PersonName("", "Madonna"));
    }

    @Test
    void withoutADisplayNameTheAddressSpeaks() {
        assertThat(PersonName.guess("", "ann.customer@client.example")).isEqualTo(new PersonName("Ann", "Customer"));
        assertThat(PersonName.guess("ann@client.example", "ann@client.example")).isEqualTo(new PersonName("", "Ann"));
    }
}
