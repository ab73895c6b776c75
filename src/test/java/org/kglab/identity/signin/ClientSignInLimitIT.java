package org.kglab.identity.signin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real limit of sign-in calls per client address (30 a minute), which the other test classes
 * lift. Each test calls from a loopback address of its own, so that tests never share a budget.
 * The budget refills at 30 a minute as time passes, so a burst that takes a few seconds may see
 * one more call admitted for every two seconds it took, and no more.
 */
@MicronautTest(transactional = false)
class ClientSignInLimitIT extends IntegrationTest {

    private static final int BURST = 45;

    @Override
    protected boolean keepsTheSignInLimitPerClient() {
        return true;
    }

    @Test
    void admitsThirtySignInCallsFromOneClientAndRefusesTheRest() {
        long started = System.nanoTime();
        List<Api.Reply> replies = burst("127.0.0.31");
        long refilled = Duration.ofNanos(System.nanoTime() - started).toSeconds() / 2;

        assertThat(replies.subList(0, 30)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().<Boolean>read("$.data.logout")).isTrue();
        });
        assertThat(replies.stream().filter(reply -> reply.status() == 200).count()).isBetween(30L, 30L + refilled);
        Api.Reply refused = replies.stream().filter(reply -> reply.status() != 200).findFirst().orElseThrow();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
        assertThat(refused.json().<String>read("$.errors[0].extensions.classification")).isEqualTo("RATE_LIMITED");
        assertThat(refused.json().<String>read("$.errors[0].message")).startsWith("Too many attempts. Try again in");
        assertThat(refused.json().<Object>read("$.data")).isNull();
    }

    @Test
    void countsEachClientAddressOnItsOwn() {
        assertThat(burst("127.0.0.32")).extracting(Api.Reply::status).contains(429);

        Api.Reply other = api.graphqlFrom("127.0.0.33", "login",
                Map.of("email", owner.email(), "password", owner.password()));

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().<String>read("$.data.login.accessToken")).isNotBlank();
    }

    /** Sign-in calls as fast as one client makes them; logout answers the same whatever the token. */
    private List<Api.Reply> burst(String client) {
        List<Api.Reply> replies = new ArrayList<>();
        for (int call = 0; call < BURST; call++) {
            replies.add(api.graphqlFrom(client, "logout", Map.of("refreshToken", "kglr_not-a-token-of-anyone")));
        }
        return replies;
    }
}
