package org.kglab.identity.signin;

import com.jayway.jsonpath.JsonPath;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in limits over real HTTP. Every loopback address is a client of its own: requests leave from
 * 127.0.0.1 unless a test binds another one.
 */
@MicronautTest(transactional = false)
class SignInLimitsIT extends IntegrationTest {

    private static final String LOGIN = """
            mutation Login($email: String!, $password: String!) {
                login(email: $email, password: $password) { accessToken }
            }""";

    @Inject
    SignInThrottle throttle;

    @Inject
    EmbeddedServer server;

    /** Locks live in memory for the context's lifetime; each test starts without any. */
    @AfterEach
    void forgetLocks() {
        throttle.forgetAll();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.auth.limits.failures-before-lock", "3", "kglab.auth.limits.lock", "10m",
                "kglab.auth.limits.account-failures-before-delay", "4");
    }

    @Test
    void locksAClientOutOfAnAccountAfterRepeatedFailuresEvenAgainstTheRightPassword() {
        failLogins(owner.email(), 3);

        Api.Reply reply = login(owner.email(), owner.password());

        assertThat(reply.status()).isEqualTo(429);
        assertThat(Long.parseLong(reply.retryAfter())).isBetween(1L, 600L);
        assertThat(reply.json().<String>read("$.errors[0].extensions.classification")).isEqualTo("RATE_LIMITED");
        assertThat(reply.json().<String>read("$.errors[0].message")).startsWith("Too many attempts. Try again in");
    }

    @Test
    void theOwnerSignsInFromAnotherClientWhileTheAttackerIsLockedOut() {
        failLogins(owner.email(), 3);

        Reply fromOwner = loginFrom("127.0.0.2", owner.email(), owner.password());
        Api.Reply fromAttacker = login(owner.email(), owner.password());

        assertThat(fromOwner.status()).isEqualTo(200);
        assertThat(fromOwner.<String>read("$.data.login.accessToken")).startsWith("eyJ");
        assertThat(fromAttacker.status()).isEqualTo(429);
    }

    @Test
    void everySpellingOfAnAddressCountsAgainstOneLock() {
        String composed = "am\u00e9lie@example.org";
        Api.Session amelie = api.signUp(composed);
        failLogins("Ame\u0301lie@Example.org", 3);

        Api.Reply reply = login(composed, amelie.password());

        assertThat(reply.status()).isEqualTo(429);
        assertThat(loginFrom("127.0.0.2", "AME\u0301LIE@example.org", amelie.password()).status()).isEqualTo(200);
    }

    @Test
    void slowsDownClientsThatFailedWhileAFreshClientWithTheRightPasswordGetsIn() {
        for (int i = 11; i <= 20; i++) {
            Reply failed = loginFrom("127.0.0." + i, owner.email(), "not the password at all");
            assertThat(failed.<String>read("$.errors[0].message")).isEqualTo("Email or password is incorrect.");
        }

        Reply again = loginFrom("127.0.0.11", owner.email(), owner.password());
        Reply fresh = loginFrom("127.0.0.30", owner.email(), owner.password());

        assertThat(again.status()).isEqualTo(429);
        assertThat(Long.parseLong(again.retryAfter())).isBetween(1L, 64L);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.<Object>read("$.errors")).isNull();
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

    /** Logs in from another loopback address, which the service sees as another client. */
    private Reply loginFrom(String localAddress, String email, String password) {
        String body = JsonPath.parse(Map.of("query", LOGIN,
                "variables", Map.of("email", email, "password", password))).jsonString();
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/graphql");
        try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, String body, String retryAfter) {
        <T> T read(String path) {
            return new Api.Reply(status, "application/json", body, retryAfter).json().read(path);
        }
    }
}
