package org.kglab.api.rest;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.platform.EmbeddedNeo4j;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class HealthIT extends IntegrationTest {

    @Inject
    EmbeddedNeo4j neo4j;

    @Test
    void showsAnonymousCallersOnlyTheStatus() {
        Api.Reply reply = api.anonymous().get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().<Map<String, Object>>read("$")).containsOnlyKeys("status");
        assertThat(reply.json().<String>read("$.status")).isEqualTo("UP");
        assertThat(reply.body()).doesNotContain("jdbc").doesNotContain("postgresql");
    }

    @Test
    void showsSignedInUsersWhoAreNotAdministratorsOnlyTheStatus() {
        Api.Reply reply = api.actAs(owner).get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().<Map<String, Object>>read("$")).containsOnlyKeys("status");
    }

    @Test
    void isUpWithDetailForAdministratorsWhenBothStoresAnswer() {
        Api.Reply reply = api.actAs(administrator()).get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().<String>read("$.status")).isEqualTo("UP");
        assertThat(reply.json().<String>read("$.details.neo4j.status")).isEqualTo("UP");
        assertThat(reply.json().<String>read("$.details.jdbc.status")).isEqualTo("UP");
    }

    @Test
    void isUnavailableWhileNeo4jIsDownButTheProcessStaysLive() {
        Api.Session administrator = administrator();
        neo4j.stop();
        try {
            Api.Reply anonymous = api.anonymous().get("/health");
            assertThat(anonymous.status()).isEqualTo(503);
            assertThat(anonymous.json().<Map<String, Object>>read("$")).containsOnlyKeys("status");
            assertThat(anonymous.json().<String>read("$.status")).isEqualTo("DOWN");

            Api.Reply health = api.actAs(administrator).get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().<String>read("$.details.neo4j.status")).isEqualTo("DOWN");
            assertThat(health.json().<String>read("$.details.jdbc.status")).isEqualTo("UP");

            Api.Reply liveness = api.anonymous().get("/health/liveness");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json().<String>read("$.status")).isEqualTo("UP");
        } finally {
            neo4j.start();
        }
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    /** The owner, made an administrator in the database and signed in again, so that the token carries the role. */
    private Api.Session administrator() {
        stores.sql("UPDATE users SET role = 'admin' WHERE id = '" + owner.userId() + "'");
        DocumentContext login = api.anonymous().graphql("login",
                Map.of("email", owner.email(), "password", owner.password()));
        return owner.withToken(login.read("$.data.login.accessToken"));
    }
}
