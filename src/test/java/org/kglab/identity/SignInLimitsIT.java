package org.kglab.identity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SignInLimitsIT extends IntegrationTest {

    @Inject
    SignInThrottle throttle;

    /** Locks live in memory for the context's lifetime; each test starts without any. */
    @AfterEach
    void forgetLocks() {
        throttle.forgetAll();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.auth.limits.failures-before-lock", "3", "kglab.auth.limits.lock", "10m");
    }

    @Test
    void locksAnAccountAfterRepeatedFailuresEvenAgainstTheRightPassword() {
        failLogins(owner.email(), 3);

        Api.Reply reply = login(owner.email(), owner.password());

        assertThat(reply.status()).isEqualTo(429);
        assertThat(Long.parseLong(reply.retryAfter())).isBetween(1L, 600L);
        assertThat(reply.json().<String>read("$.errors[0].extensions.classification")).isEqualTo("RATE_LIMITED");
        assertThat(reply.json().<String>read("$.errors[0].message")).startsWith("Too many attempts. Try again in");
    }

    @Test
    void locksAnAddressWithoutAnAccountExactlyAlike() {
        failLogins("nobody@example.org", 3);

        Api.Reply reply = login("nobody@example.org", "whatever it may be");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.json().<String>read("$.errors[0].extensions.classification")).isEqualTo("RATE_LIMITED");
    }

    @Test
    void leavesOtherAccountsAlone() {
        Api.Session other = api.signUp("other@example.org");
        failLogins(owner.email(), 3);

        Api.Reply reply = login(other.email(), other.password());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().<Object>read("$.errors")).isNull();
    }

    @Test
    void allowsFailuresBelowTheThreshold() {
        failLogins(owner.email(), 2);
        assertThat(login(owner.email(), owner.password()).json().<Object>read("$.errors")).isNull();
    }

    private void failLogins(String email, int times) {
        for (int i = 0; i < times; i++) {
            Api.Reply reply = login(email, "not the password at all");
            assertThat(reply.json().<String>read("$.errors[0].message")).isEqualTo("Email or password is incorrect.");
        }
    }

    private Api.Reply login(String email, String password) {
        return api.anonymous().graphqlReply("login", Map.of("email", email, "password", password), true);
    }
}
