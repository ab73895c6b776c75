package org.kglab.embedding;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.platform.Failure;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenAI-compatible adapter against a real HTTP server in the test, standing in for a team's model
 * server: what it sends, what it stores, and how each way of failing reads.
 */
@MicronautTest(transactional = false)
class OpenAiEmbeddingIT extends IntegrationTest {

    private static final String KEY = "sk-test-0123456789-secret";
    private static final int DIMENSION = 384;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String answer = "ok";
    private final HttpServer server = start();

    @Inject
    EmbeddingModel model;

    record Received(String authorization, String model, List<String> input) {
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.embedding.provider", "openai",
                "kglab.embedding.openai.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "kglab.embedding.openai.model", "team-embedder-v2",
                "kglab.embedding.openai.key", KEY,
                "kglab.embedding.openai.dimension", String.valueOf(DIMENSION),
                "kglab.embedding.openai.timeout", "2s");
    }

    @BeforeEach
    void answerWell() {
        answer = "ok";
        received.clear();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @Test
    void uploadsAreEmbeddedByTheServiceAndStoredUnderItsModelName() {
        String id = api.uploadText("notes.md", "# One\nFirst part.\n# Two\nSecond part.");

        assertThat(model.id()).isEqualTo("team-embedder-v2");
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
            assertThat(request.model()).isEqualTo("team-embedder-v2");
            assertThat(request.input()).containsExactly("# One\nFirst part.", "# Two\nSecond part.");
        });
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE document_id = '" + id + "' AND embedding_model = "
                + "'team-embedder-v2' AND embedding_dim = 384 AND vector_dims(embedding) = 384")).isEqualTo(2);
        // The server answers out of order; vectors follow their index, not their position.
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE document_id = '" + id + "' AND ordinal = 1 AND "
                + "abs((embedding::real[])[2] - 0.5) < 1e-6")).isEqualTo(1);
    }

    @Test
    void anErrorAnswerNamesTheStatusAndNeverTheKey() {
        answer = "error";

        assertThatThrownBy(() -> model.embed(List.of("text")))
                .isInstanceOf(EmbeddingFailed.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("model is loading")
                .satisfies(e -> assertThat(((Failure) e).kind()).isEqualTo(Failure.Kind.UNAVAILABLE))
                .message().doesNotContain(KEY);
    }

    @Test
    void vectorsOfAnotherDimensionAreRefused() {
        answer = "short";

        assertThatThrownBy(() -> model.embed(List.of("text"))).isInstanceOf(EmbeddingFailed.class)
                .hasMessageContaining("returned vectors of 8 dimensions").hasMessageContaining("configured with 384");
    }

    @Test
    void tooFewVectorsAreRefused() {
        answer = "missing";

        assertThatThrownBy(() -> model.embed(List.of("one", "two"))).isInstanceOf(EmbeddingFailed.class)
                .hasMessageContaining("returned 1 vectors for 2 texts");
    }

    @Test
    void anAnswerThatIsNotJsonIsRefused() {
        answer = "html";

        assertThatThrownBy(() -> model.embed(List.of("one"))).isInstanceOf(EmbeddingFailed.class)
                .hasMessageContaining("not OpenAI embeddings JSON");
    }

    @Test
    void aServiceSlowerThanTheTimeoutFails() {
        answer = "slow";

        long started = System.nanoTime();
        assertThatThrownBy(() -> model.embed(List.of("one"))).isInstanceOf(EmbeddingFailed.class)
                .hasMessageContaining("could not be reached");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_500);
    }

    @Test
    void anUploadWhoseEmbeddingFailsIsRetriedOnceTheServiceAnswers() {
        answer = "error";

        Api.Reply reply = api.upload("notes.md", Fixtures.text("# One\nFirst part."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String job = reply.json().read("$.jobId");

        Eventually.await("a failed attempt", () -> "FAILED".equals(api.get("/api/v1/jobs/" + job).json().read("$.state")));
        assertThat(api.get("/api/v1/jobs/" + job).json().<String>read("$.error")).contains("embedding");
        assertThat(api.documentStatus(reply.json().read("$.documentId"))).isEqualTo("PROCESSING");
        assertThat(stores.count("SELECT count(*) FROM chunks")).isZero();

        answer = "ok";
        assertThat(api.awaitJobEnd(job).<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(api.documentStatus(reply.json().read("$.documentId"))).isEqualTo("READY");
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE embedding IS NOT NULL")).isPositive();
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/v1/embeddings", this::handle);
            // A slow answer must not hold up the next test's requests.
            http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<String> input = JsonPath.read(body, "$.input");
        received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                JsonPath.read(body, "$.model"), input));
        String mode = answer;
        int status = 200;
        String reply = switch (mode) {
            case "error" -> {
                status = 503;
                yield "{\"error\":{\"message\":\"model is loading\"}}";
            }
            case "short" -> data(input.size(), 8);
            case "missing" -> data(input.size() - 1, DIMENSION);
            case "html" -> "<html>proxy login</html>";
            case "slow" -> {
                sleep(5_000);
                yield data(input.size(), DIMENSION);
            }
            default -> data(input.size(), DIMENSION);
        };
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The client gave up (the timeout test).
        }
    }

    /** Vector i has 1/(i+1) at position 1 (index 2 of the SQL array), listed last first. */
    private static String data(int count, int dimension) {
        List<String> items = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            double marker = 1.0 / (i + 1);
            String vector = IntStream.range(0, dimension).mapToObj(d -> d == 1 ? String.valueOf(marker) : "0.01")
                    .collect(Collectors.joining(","));
            items.add("{\"object\":\"embedding\",\"index\":" + i + ",\"embedding\":[" + vector + "]}");
        }
        return "{\"object\":\"list\",\"model\":\"team-embedder-v2\",\"data\":[" + String.join(",", items)
                + "],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
