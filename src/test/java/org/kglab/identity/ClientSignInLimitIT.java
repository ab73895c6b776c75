package org.kglab.identity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real limit of sign-in calls per client address (30 a minute), which the other test classes
 * lift. Each test calls from a loopback address of its own, so that tests never share a budget.
 */
@MicronautTest(transactional = false)
class ClientSignInLimitIT extends IntegrationTest {

    @Override
    protected boolean keepsTheSignInLimitPerClient() {
        return true;
    }

    @Test
    void admitsThirtySignInCallsFromOneClientAndRefusesTheThirtyFirst() {
        String client = "127.0.0.31";
        for (int call = 1; call <= 30; call++) {
            Api.Reply reply = logout(client);
            assertThat(reply.status()).as("call %d: %s", call, reply.body()).isEqualTo(200);
            assertThat(reply.json().<Boolean>read("$.data.logout")).as("call %d", call).isTrue();
        }

        Api.Reply refused = api.graphqlFrom(client, "login",
                Map.of("email", owner.email(), "password", owner.password()));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
        assertThat(refused.json().<String>read("$.errors[0].extensions.classification")).isEqualTo("RATE_LIMITED");
        assertThat(refused.json().<String>read("$.errors[0].message")).startsWith("Too many attempts. Try again in");
        assertThat(refused.json().<Object>read("$.data")).isNull();
    }

    @Test
    void countsEachClientAddressOnItsOwn() {
        for (int call = 1; call <= 30; call++) {
            assertThat(logout("127.0.0.32").status()).isEqualTo(200);
        }
        assertThat(logout("127.0.0.32").status()).isEqualTo(429);

        Api.Reply other = api.graphqlFrom("127.0.0.33", "login",
                Map.of("email", owner.email(), "password", owner.password()));

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().<String>read("$.data.login.accessToken")).isNotBlank();
    }

    private Api.Reply logout(String client) {
        return api.graphqlFrom(client, "logout", Map.of("refreshToken", "kglr_not-a-token-of-anyone"));
    }
}
