package org.kglab.linking;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.graph.entity.GraphTypesProperties;
import org.kglab.platform.Failure;
import org.kglab.support.IntegrationTest;
import org.kglab.support.WebServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The chat-completions extractor against a real HTTP server in the test, standing in for a team's model server:
 * what it asks, what of the answer it keeps, and how each way of failing reads.
 */
@MicronautTest(transactional = false)
class LlmEntityExtractorIT extends IntegrationTest {

    private static final String KEY = "sk-test-extractor-0123456789";
    private static final String PATH = "/v1/chat/completions";
    private static final ChunkText FIRST = new ChunkText(0,
            "Geoffrey Hinton taught at the University of Toronto. Hinton later joined Google.", 0, 80);
    private static final ChunkText SECOND = new ChunkText(1, "The Transformer was proposed at Google Brain.", 82, 127);

    private final WebServer server = WebServer.on("127.0.0.1");
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";

    @Inject
    EntityExtractor extractor;

    @Inject
    ObjectMapper json;

    @Inject
    GraphTypesProperties types;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.linking.llm.enabled", "true",
                "kglab.linking.llm.url", server.url("/"),
                "kglab.linking.llm.model", "team-extractor",
                "kglab.linking.llm.key", KEY,
                "kglab.linking.llm.timeout", "2s",
                "kglab.linking.llm.max-request-chars", "500",
                "kglab.linking.llm.max-requests", "2",
                "kglab.linking.llm.max-response-bytes", "8192");
    }

    @BeforeEach
    void answerWithTheGraph() throws IOException {
        bodies.clear();
        authorizations.clear();
        status = 200;
        answer = completion(graph(), "stop");
        server.route(PATH, this::handle);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void keepsOnlyWhatTheTextAndTheAllowListsBearOut() {
        Extraction extraction = extractor.extract(request(FIRST, SECOND));

        assertThat(extractor.id()).isEqualTo("llm/team-extractor");
        assertThat(extraction.entities()).extracting(CandidateEntity::normalizedName, CandidateEntity::type)
                .containsExactlyInAnyOrder(tuple("geoffrey hinton", "Person"), tuple("university of toronto", "Concept"),
                        tuple("google", "Organization"), tuple("transformer", "Method"));
        assertThat(entity(extraction, "geoffrey hinton").mentions())
                .extracting(Mention::chunkOrdinal, Mention::start, Mention::text, Mention::confidence)
                .containsExactly(tuple(0, 0, "Geoffrey Hinton", 0.9), tuple(0, 53, "Hinton", 0.9));
        assertThat(entity(extraction, "google").mentions()).extracting(Mention::chunkOrdinal, Mention::text)
                .containsExactly(tuple(0, "Google"), tuple(1, "Google"));
        assertThat(entity(extraction, "transformer").mentions()).extracting(Mention::chunkOrdinal, Mention::start)
                .containsExactly(tuple(1, 4));
        Map<Integer, String> texts = Map.of(0, FIRST.text(), 1, SECOND.text());
        assertThat(extraction.entities()).flatExtracting(CandidateEntity::mentions).allSatisfy(m ->
                assertThat(texts.get(m.chunkOrdinal()).substring(m.start(), m.end())).isEqualTo(m.text()));
        assertThat(extraction.relationships()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("geoffrey hinton");
            assertThat(r.target()).isEqualTo("university of toronto");
            assertThat(r.type()).isEqualTo("RELATED_TO");
            assertThat(r.confidence()).isEqualTo(0.8);
        });
        assertThat(extraction.truncated()).isFalse();
    }

    @Test
    void asksForJsonFollowingASchemaWhoseEnumsAreTheAllowLists() {
        extractor.extract(request(FIRST, SECOND));

        assertThat(authorizations).containsExactly("Bearer " + KEY);
        DocumentContext sent = JsonPath.parse(bodies.getFirst());
        assertThat(sent.<String>read("$.model")).isEqualTo("team-extractor");
        assertThat(sent.<String>read("$.response_format.type")).isEqualTo("json_schema");
        assertThat(sent.<List<String>>read("$.response_format.json_schema.schema.properties.entities.items"
                + ".properties.type.enum")).containsExactly("Person", "Organization", "Concept", "Method", "Dataset",
                "Location", "Event", "Work");
        assertThat(sent.<List<String>>read("$.response_format.json_schema.schema.properties.relationships.items"
                + ".properties.type.enum")).contains(GraphTypesProperties.RELATED_TO)
                .containsExactlyElementsOf(types.relationshipTypes());
        assertThat(sent.<String>read("$.messages[1].content")).contains("### Chunk 0\nGeoffrey Hinton taught")
                .contains("### Chunk 1\nThe Transformer");
        assertThat(bodies.getFirst()).doesNotContain(KEY);
    }

    @Test
    void sendsALongDocumentInBoundedBatchesAndSaysWhatItDidNotRead() {
        String text = "Ada Lovelace wrote notes on the Analytical Engine. ".repeat(8);
        List<ChunkText> chunks = List.of(0, 1, 2).stream()
                .map(i -> new ChunkText(i, text, i * 1_000, i * 1_000 + text.length())).toList();

        Extraction extraction = extractor.extract(new ExtractionRequest(UUID.randomUUID(), UUID.randomUUID(), "en",
                chunks));

        assertThat(bodies).hasSize(2);
        assertThat(JsonPath.parse(bodies.get(1)).<String>read("$.messages[1].content")).startsWith("### Chunk 1\n");
        assertThat(extraction.truncated()).isTrue();
    }

    @Test
    void anErrorAnswerNamesTheStatusAndNeverTheKey() {
        status = 500;
        answer = "{\"error\":{\"message\":\"model crashed\"}}";

        assertThatThrownBy(() -> extractor.extract(request(FIRST)))
                .isInstanceOf(ExtractionFailed.class)
                .hasMessageContaining("entity extraction service").hasMessageContaining("HTTP 500")
                .hasMessageContaining("model crashed")
                .satisfies(e -> assertThat(((Failure) e).kind()).isEqualTo(Failure.Kind.UNAVAILABLE))
                .message().doesNotContain(KEY);
    }

    @Test
    void contentThatIsNotJsonIsRefusedClearly() throws IOException {
        answer = completion("{\"entities\": [{\"name\": \"Geoffrey Hinton\", \"type\": ", "stop");

        assertThatThrownBy(() -> extractor.extract(request(FIRST))).isInstanceOf(ExtractionFailed.class)
                .hasMessageContaining("not entities and relationships as JSON");
    }

    @Test
    void anAnswerThatIsNotAChatCompletionIsRefusedClearly() {
        answer = "<html>proxy login</html>";

        assertThatThrownBy(() -> extractor.extract(request(FIRST))).isInstanceOf(ExtractionFailed.class)
                .hasMessageContaining("not an OpenAI chat completion").hasMessageContaining("proxy login");
    }

    @Test
    void anAnswerCutShortByTheModelIsRefused() throws IOException {
        answer = completion("{\"entities\": [", "length");

        assertThatThrownBy(() -> extractor.extract(request(FIRST))).isInstanceOf(ExtractionFailed.class)
                .hasMessageContaining("finish_reason: length");
    }

    @Test
    void anAnswerLargerThanTheBoundIsRefused() {
        answer = "{\"choices\": [], \"padding\": \"" + "x".repeat(10_000) + "\"}";

        assertThatThrownBy(() -> extractor.extract(request(FIRST))).isInstanceOf(ExtractionFailed.class)
                .hasMessageContaining("sent more than 8192 bytes");
    }

    @Test
    void aServiceSlowerThanTheTimeoutFails() {
        server.route(PATH, exchange -> {
            sleep(4_000);
            handle(exchange);
        });

        long started = System.nanoTime();
        assertThatThrownBy(() -> extractor.extract(request(FIRST))).isInstanceOf(ExtractionFailed.class)
                .hasMessageContaining("could not be reached");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_900);
    }

    private void handle(HttpExchange exchange) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        try {
            WebServer.respond(exchange, status, "application/json", answer.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The client gave up (the timeout test).
        }
    }

    /** What a model might answer: right, wrong in type, outside the allow-lists, invented. */
    private String graph() throws IOException {
        return json.writeValueAsString(Map.of(
                "entities", List.of(
                        Map.of("name", "Geoffrey Hinton", "type", "Person", "confidence", 0.9, "mentions", List.of(
                                Map.of("chunk", 0, "text", "Geoffrey Hinton"), Map.of("chunk", 0, "text", "Hinton"))),
                        Map.of("name", "University of Toronto", "type", "Planet", "confidence", 0.7, "mentions",
                                List.of(Map.of("chunk", 0, "text", "University of Toronto"))),
                        Map.of("name", "Google", "type", "organization", "confidence", 0.8, "mentions", List.of(
                                Map.of("chunk", 0, "text", "google"), Map.of("chunk", 1, "text", "Google"),
                                Map.of("chunk", 7, "text", "Google"))),
                        Map.of("name", "Turing Award", "type", "Work", "confidence", 0.9, "mentions",
                                List.of(Map.of("chunk", 1, "text", "Turing Award"))),
                        Map.of("name", "Transformer", "type", "Method", "confidence", 0.6, "mentions", List.of())),
                "relationships", List.of(
                        Map.of("source", "Geoffrey Hinton", "target", "University of Toronto", "type", "related_to",
                                "confidence", 0.8),
                        Map.of("source", "Geoffrey Hinton", "target", "Google", "type", "WORKED_AT", "confidence", 0.9),
                        Map.of("source", "Geoffrey Hinton", "target", "Turing Award", "type", "RELATED_TO",
                                "confidence", 0.9))));
    }

    private String completion(String content, String finishReason) throws IOException {
        return json.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "choices", List.of(
                Map.of("index", 0, "finish_reason", finishReason, "message",
                        Map.of("role", "assistant", "content", content)))));
    }

    private static ExtractionRequest request(ChunkText... chunks) {
        return new ExtractionRequest(UUID.randomUUID(), UUID.randomUUID(), "en", List.of(chunks));
    }

    private static CandidateEntity entity(Extraction extraction, String normalizedName) {
        return extraction.entities().stream().filter(e -> e.normalizedName().equals(normalizedName)).findFirst()
                .orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
