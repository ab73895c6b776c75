package org.kglab.ingestion.web;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.kglab.support.WebServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingesting URLs from a real local web server, which the configuration allows explicitly (it is on a
 * loopback address, which is otherwise refused: see {@link FetchRefusedIT}).
 */
@MicronautTest(transactional = false)
class UrlIngestionIT extends IntegrationTest {

    private static final long LIMIT = 300_000;

    private WebServer site;
    /** Not allowed: only 127.0.0.1 is. */
    private WebServer elsewhere;

    @BeforeAll
    void startServers() {
        site = WebServer.on("127.0.0.1");
        elsewhere = WebServer.on("127.0.0.2");
    }

    @AfterAll
    void stopServers() {
        site.close();
        elsewhere.close();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.fetch.allow", "127.0.0.1/32", "kglab.fetch.read-timeout", "1s",
                "kglab.upload.max-bytes", String.valueOf(LIMIT), "kglab.feeds.polling", "false");
    }

    @Test
    void ingestsTheMainContentOfAWebPageWithItsMetadata() throws IOException {
        site.serve("/2026/soil.html", "text/html; charset=utf-8", fixture("article.html"));

        DocumentContext reply = api.graphql("ingestUrl", Map.of("url", site.url("/2026/soil.html")));

        assertThat(reply.<Object>read("$.errors")).isNull();
        // Fetched now, read by the URL job: accepted PROCESSING, with what the page said about itself.
        assertThat(reply.<String>read("$.data.ingestUrl.status")).isEqualTo("PROCESSING");
        assertThat(reply.<String>read("$.data.ingestUrl.title")).contains("Soil microbes");
        assertThat(reply.<String>read("$.data.ingestUrl.mediaType")).isEqualTo("text/html");
        assertThat(reply.<String>read("$.data.ingestUrl.visibility")).isEqualTo("PRIVATE");
        assertThat(reply.<String>read("$.data.ingestUrl.source.originalUrl")).isEqualTo(site.url("/2026/soil.html"));
        String id = reply.read("$.data.ingestUrl.id");
        DocumentContext ready = ready(id);
        assertThat(ready.<String>read("$.data.document.title")).contains("Soil microbes");
        assertThat(ready.<String>read("$.data.document.mediaType")).isEqualTo("text/html");
        assertThat(ready.<String>read("$.data.document.text"))
                .contains("kept their yield through a six-week drought")
                .doesNotContain("BUY CHEAP FERTILISER").doesNotContain("All rights reserved")
                .doesNotContain("Ten tractors ranked");
        assertThat(ready.<String>read("$.data.document.source.originalUrl")).isEqualTo(site.url("/2026/soil.html"));
        assertThat(ready.<String>read("$.data.document.source.canonicalUrl"))
                .isEqualTo("https://journal.example.org/2026/10/soil-microbes-drought");
        assertThat(ready.<String>read("$.data.document.source.author")).isEqualTo("Maria Okafor");
        assertThat(ready.<String>read("$.data.document.source.publishedAt")).startsWith("2026-10-14T06:30");
        assertThat(ready.<String>read("$.data.document.provenance.sourceKind")).isEqualTo("URL");
        assertThat(ready.<String>read("$.data.document.provenance.url")).isEqualTo(site.url("/2026/soil.html"));
        assertThat(ready.<String>read("$.data.document.provenance.fetchedAt")).isNotNull();
        assertThat(ready.<String>read("$.data.document.provenance.feedId")).isNull();
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs WHERE kind = 'URL' AND state = 'SUCCEEDED'"))
                .isEqualTo(1);
        WebServer.Request request = site.requests("/2026/soil.html").getFirst();
        assertThat(request.header("User-Agent")).startsWith("KnowledgeGraphLab/").contains("(+http");
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM document_sources")).isEqualTo(1);
    }

    @Test
    void restIngestsAPlainTextFileAfterARedirect() {
        site.serve("/notes.txt", "text/plain", "Field notes: the drought began in June.");
        site.redirect("/old-notes", site.url("/notes.txt"));

        Api.Reply reply = api.send(HttpRequest.POST("/api/v1/urls",
                        Map.of("url", site.url("/old-notes"), "visibility", "PUBLIC"))
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().<String>read("$.visibility")).isEqualTo("PUBLIC");
        assertThat(reply.json().<String>read("$.status")).isEqualTo("PROCESSING");
        assertThat(reply.json().<String>read("$.duplicateOf")).isNull();
        assertThat(api.awaitJobEnd(reply.json().read("$.jobId")).<String>read("$.kind")).isEqualTo("URL");
        String id = reply.json().read("$.documentId");
        DocumentContext document = ready(id);
        assertThat(document.<String>read("$.data.document.text")).contains("the drought began in June");
        assertThat(document.<String>read("$.data.document.source.originalUrl")).isEqualTo(site.url("/old-notes"));
        assertThat(document.<String>read("$.data.document.source.canonicalUrl")).isEqualTo(site.url("/notes.txt"));
        assertThat(document.<String>read("$.data.document.title")).isEqualTo("notes.txt");

        // The same bytes again are the same document, as for uploads: nothing new is stored or queued.
        Api.Reply again = api.send(HttpRequest.POST("/api/v1/urls", Map.of("url", site.url("/notes.txt")))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().<String>read("$.duplicateOf")).isEqualTo(id);
        assertThat(again.json().<String>read("$.jobId")).isNull();
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(1);
    }

    /** The document once its job has made it READY, with its text, provenance and source. */
    private DocumentContext ready(String id) {
        Eventually.await("document " + id + " to be READY", java.time.Duration.ofSeconds(60),
                () -> !"PROCESSING".equals(api.documentStatus(id)));
        DocumentContext document = api.graphql("documentSource", Map.of("id", id));
        assertThat(document.<String>read("$.data.document.status")).as(document.jsonString()).isEqualTo("READY");
        return document;
    }

    @Test
    void refusesARedirectFromAnAllowedHostToOneThatIsNot() {
        elsewhere.serve("/secret", "text/plain", "internal only");
        site.redirect("/go", elsewhere.url("/secret"));

        DocumentContext reply = api.graphql("ingestUrl", Map.of("url", site.url("/go")));

        assertThat(reply.<String>read("$.errors[0].message"))
                .startsWith("Address not allowed: 127.0.0.2 is a loopback address");
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(site.requests("/go")).hasSize(1);
        assertThat(elsewhere.requests()).isEmpty();
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
    }

    @Test
    void refusesContentLargerThanTheUploadLimit() {
        byte[] big = "a".repeat((int) LIMIT + 10_000).getBytes(StandardCharsets.UTF_8);
        site.route("/big.txt", exchange -> WebServer.respond(exchange, 200, "text/plain", big));
        site.route("/chunked.txt", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                out.write(big);
            } catch (IOException e) {
                // The client hung up, as it should.
            }
            exchange.close();
        });

        Api.Reply declared = api.send(HttpRequest.POST("/api/v1/urls", Map.of("url", site.url("/big.txt")))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        Api.Reply streamed = api.send(HttpRequest.POST("/api/v1/urls", Map.of("url", site.url("/chunked.txt")))
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body()).contains("Too large: " + site.url("/big.txt") + " is 303 KB, the limit is 293 KB.");
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.body()).contains("Too large: " + site.url("/chunked.txt") + " is more than 293 KB");
        assertThat(stores.storedFiles()).isEmpty();
    }

    @Test
    void givesUpOnASiteThatDoesNotAnswerInTime() {
        site.route("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            WebServer.respond(exchange, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
        });

        DocumentContext reply = api.graphql("ingestUrl", Map.of("url", site.url("/slow")));

        assertThat(reply.<String>read("$.errors[0].message")).isEqualTo("Timed out after 1 s fetching "
                + site.url("/slow") + ".");
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("UNAVAILABLE");
    }

    @Test
    void refusesContentTypesThatAreNotIngested() {
        site.route("/logo.png", exchange -> WebServer.respond(exchange, 200, "image/png", new byte[] {1, 2, 3}));

        Api.Reply reply = api.send(HttpRequest.POST("/api/v1/urls", Map.of("url", site.url("/logo.png")))
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.body()).contains("Unsupported content type image/png");
    }

    @Test
    void refusesUrlsThatAreNotHttpOrCarryCredentials() {
        DocumentContext file = api.graphql("ingestUrl", Map.of("url", "file:///etc/passwd"));
        DocumentContext credentials = api.graphql("ingestUrl", Map.of("url",
                "http://admin:secret@127.0.0.1:" + site.url("/").split(":")[2]));
        DocumentContext status = api.graphql("ingestUrl", Map.of("url", site.url("/missing")));

        assertThat(file.<String>read("$.errors[0].message")).startsWith("Only http and https URLs can be fetched");
        assertThat(credentials.<String>read("$.errors[0].message")).startsWith("URLs with a user name or password")
                .doesNotContain("secret");
        assertThat(status.<String>read("$.errors[0].message")).isEqualTo("The server answered HTTP 404 for "
                + site.url("/missing") + ".");
    }

    @Test
    void anApiKeyWithoutTheIngestScopeFetchesNothing() {
        DocumentContext created = api.graphql("createApiKey", Map.of("name", "reader", "scopes", java.util.List.of("READ")));
        String key = created.read("$.data.createApiKey.key");
        site.serve("/page.txt", "text/plain", "hello");

        api.actAs(owner.withToken(key));
        DocumentContext reply = api.graphql("ingestUrl", Map.of("url", site.url("/page.txt")));

        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
        assertThat(site.requests("/page.txt")).isEmpty();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = UrlIngestionIT.class.getResourceAsStream("/web/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
