package org.kglab.api.rest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The playgrounds must work with no internet: every asset comes from this service. */
@MicronautTest(transactional = false)
class PlaygroundIT extends IntegrationTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Pattern EXTERNAL = Pattern.compile("(?i)(?:https?:)?//[a-z0-9.-]+");
    private static final Pattern CSS_EXTERNAL_URL = Pattern.compile("(?i)url\\(\\s*['\"]?(?:https?:)?//");

    @ParameterizedTest
    @ValueSource(strings = {"/graphiql", "/docs"})
    void referencesNoExternalHostAndServesEveryAsset(String page) {
        Api.Reply reply = api.get(page);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(EXTERNAL.matcher(reply.body()).results().map(r -> r.group()).toList())
                .as("external references in " + page).isEmpty();

        List<String> assets = ASSET.matcher(reply.body()).results().map(r -> r.group(1)).toList();
        assertThat(assets).isNotEmpty().allSatisfy(asset -> assertThat(asset).startsWith("/"));
        for (String asset : assets) {
            Api.Reply served = api.get(asset);
            assertThat(served.status()).as(asset).isEqualTo(200);
            if (asset.endsWith(".css")) {
                assertThat(CSS_EXTERNAL_URL.matcher(served.body()).find()).as("external url() in " + asset).isFalse();
            }
        }
    }

    @Test
    void servesTheGeneratedOpenApiDocumentLinkedFromTheDocs() {
        assertThat(api.get("/docs").body()).contains("/openapi/kglab-backend.yml");
        Api.Reply spec = api.get("/openapi/kglab-backend.yml");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi: 3").contains("/api/v1/files").contains("UploadResponse")
                .contains("/health:").doesNotContain("/beans:")
                .contains("bearerAuth").contains("scheme: bearer");
    }

    @Test
    void servesTheGraphQLEndpointThePlaygroundTalksTo() {
        assertThat(api.get("/graphiql").body()).contains("/playground/graphiql.js");
        assertThat(api.get("/playground/graphiql.js").body()).contains("'/graphql'")
                .contains("subscriptionUrl").contains("'/graphql-ws'");
        assertThat(api.graphqlText("{ __typename }", java.util.Map.of()).<String>read("$.data.__typename"))
                .isEqualTo("Query");
    }
}
