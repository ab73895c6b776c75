package org.kglab.identity.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailsTest {

    @ParameterizedTest
    @CsvSource({
            "Ada@Example.org, ada@example.org",
            "'  ada@example.org  ', ada@example.org",
            "ADA.LOVELACE+kg@EXAMPLE.ORG, ada.lovelace+kg@example.org"})
    void normalisesToOneSpelling(String raw, String expected) {
        assertThat(Emails.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ada", "ada@", "@example.org", "ada@example", "a b@example.org", "a@b@example.org"})
    void refusesWhatCannotBeAnAddress(String raw) {
        assertThatThrownBy(() -> Emails.normalise(raw))
                .isInstanceOf(InvalidCredentialsFormat.class)
                .hasMessageContaining("name@example.org");
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 10_000})
    void refusesOverlongAddresses(int length) {
        String raw = "a".repeat(length - "@example.org".length()) + "@example.org";
        assertThatThrownBy(() -> Emails.normalise(raw)).isInstanceOf(InvalidCredentialsFormat.class);
    }
}
