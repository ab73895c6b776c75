package org.kglab.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void hashesWithArgon2idAndASaltPerHash() {
        String first = passwords.hash("correct horse battery staple");
        String second = passwords.hash("correct horse battery staple");
        assertThat(first).startsWith("$argon2id$").doesNotContain("correct horse");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void matchesOnlyTheRightPassword() {
        String hash = passwords.hash("correct horse battery staple");
        assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void neverMatchesAnAccountWithoutAPassword() {
        assertThat(passwords.matches("anything at all here", null)).isFalse();
    }

    @Test
    void neverMatchesAnOverlongPassword() {
        String hash = passwords.hash("correct horse battery staple");
        assertThat(passwords.matches("x".repeat(10_000), hash)).isFalse();
    }

    @Test
    void countsCharactersNotBytes() {
        // Twelve characters, most of them outside the Basic Multilingual Plane.
        assertThat(passwords.hash("🔑".repeat(11) + "a")).startsWith("$argon2id$");
        assertThatThrownBy(() -> passwords.hash("🔑".repeat(11)))
                .isInstanceOf(InvalidCredentialsFormat.class)
                .hasMessage("The password is too short: 11 characters, at least 12 are needed.");
    }
}
