package org.kglab.api.rest;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kglab.support.IntegrationTest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response carries the security headers; the playground pages also lock down what they may load. */
@MicronautTest(transactional = false)
class SecurityHeadersIT extends IntegrationTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("(?i)<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern INLINE_STYLE = Pattern.compile("(?i)<style|\\sstyle=|\\son[a-z]+=");

    @Inject
    EmbeddedServer server;

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource({
            "GET, /health, application/json, 200",
            "GET, /graphiql, text/html, 200",
            "GET, /playground/graphiql.js, text/html, 200",
            "GET, /webjars/graphiql/2.4.7/graphiql.min.css, text/html, 200",
            "POST, /graphql, application/json, 200",
            "POST, /graphql, text/plain, 415",
            "POST, /api/v1/files, multipart/form-data; boundary=x, 401",
            "GET, /no-such-page, text/html, 404",
    })
    void everyResponseForbidsTypeSniffingAndReferrers(String method, String path, String type, int status)
            throws Exception {
        HttpResponse<String> response = send(method, path, type);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphiql", "/docs"})
    void playgroundPagesLoadOnlyOurOwnScriptsAndCannotBeFramed(String page) throws Exception {
        HttpResponse<String> response = send("GET", page, "text/html");

        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // With no inline code the policy needs neither 'unsafe-inline' nor hashes to let the page run.
        assertThat(INLINE_SCRIPT.matcher(response.body()).find()).as("inline script").isFalse();
        assertThat(INLINE_STYLE.matcher(response.body()).find()).as("inline style or handler").isFalse();
    }

    private HttpResponse<String> send(String method, String path, String type)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", type)
                .method(method, method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")
                        : HttpRequest.BodyPublishers.noBody())
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
