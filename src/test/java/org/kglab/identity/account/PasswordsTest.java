package org.kglab.identity.account;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import org.junit.jupiter.api.Test;
import org.kglab.identity.user.InvalidCredentialsFormat;

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

    /**
     * Hashing refuses passwords over 128 characters, but a hash of one could still be stored (made
     * before the rule, or imported). Checking never accepts such a password, even against its own hash.
     */
    @Test
    void neverMatchesAnOverlongPasswordEvenAgainstItsOwnHash() {
        String longest = "x".repeat(Passwords.MAX_LENGTH);
        String overlong = "x".repeat(Passwords.MAX_LENGTH + 1);
        String overlongHash = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID).hash(overlong).getResult();

        assertThat(passwords.matches(longest, passwords.hash(longest))).isTrue();
        assertThat(passwords.matches(overlong, overlongHash)).isFalse();
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
