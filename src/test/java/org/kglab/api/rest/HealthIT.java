package org.kglab.api.rest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.platform.EmbeddedNeo4j;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class HealthIT extends IntegrationTest {

    @Inject
    EmbeddedNeo4j neo4j;

    @Test
    void isUpWithDetailWhenBothStoresAnswer() {
        Api.Reply reply = api.get("/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().<String>read("$.status")).isEqualTo("UP");
        assertThat(reply.json().<String>read("$.details.neo4j.status")).isEqualTo("UP");
        assertThat(reply.json().<String>read("$.details.jdbc.status")).isEqualTo("UP");
    }

    @Test
    void isUnavailableWhileNeo4jIsDownButTheProcessStaysLive() {
        neo4j.stop();
        try {
            Api.Reply health = api.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().<String>read("$.status")).isEqualTo("DOWN");
            assertThat(health.json().<String>read("$.details.neo4j.status")).isEqualTo("DOWN");
            assertThat(health.json().<String>read("$.details.jdbc.status")).isEqualTo("UP");

            Api.Reply liveness = api.get("/health/liveness");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json().<String>read("$.status")).isEqualTo("UP");
        } finally {
            neo4j.start();
        }
        assertThat(api.get("/health").status()).isEqualTo(200);
    }
}
