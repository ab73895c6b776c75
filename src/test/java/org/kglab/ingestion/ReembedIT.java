package org.kglab.ingestion;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.chunks.ChunkProgress;
import org.kglab.chunks.ChunkService;
import org.kglab.chunks.StructuredText;
import org.kglab.documents.DocumentId;
import org.kglab.platform.EmbeddedNeo4j;
import org.kglab.platform.StorageProperties;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.kglab.support.WebServer;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-embedding after a change of model. This service embeds with "embedder-v2" (an OpenAI-compatible server in
 * the test); the documents were embedded before by "embedder-v1": the same service configured with that model,
 * started beside this one on the same database and graph, replaced their chunks.
 */
@MicronautTest(transactional = false)
class ReembedIT extends IntegrationTest {

    private static final String OLD = "embedder-v1";
    private static final String NEW = "embedder-v2";
    private static final int DIMENSION = 384;

    private final WebServer embedder = WebServer.on("127.0.0.1");
    /** The texts each model was asked to embed, in order. */
    private final Map<String, List<String>> asked = new ConcurrentHashMap<>();
    /** While set, requests for the new model wait for it. */
    private volatile CountDownLatch gate = new CountDownLatch(0);
    /** The number of the request for the new model that answers 503 (1-based); 0 for none. */
    private final AtomicInteger failAt = new AtomicInteger();

    @Inject
    EmbeddedNeo4j neo4j;

    @Inject
    StorageProperties storage;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return embedding(NEW);
    }

    private Map<String, String> embedding(String model) {
        return Map.of("kglab.embedding.provider", "openai",
                "kglab.embedding.openai.url", embedder.url("/"),
                "kglab.embedding.openai.model", model,
                "kglab.embedding.openai.dimension", String.valueOf(DIMENSION),
                "kglab.embedding.openai.timeout", "20s");
    }

    @BeforeEach
    void answerEveryModel() {
        asked.clear();
        gate = new CountDownLatch(0);
        failAt.set(0);
        embedder.route("/v1/embeddings", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String model = JsonPath.read(body, "$.model");
            List<String> input = JsonPath.read(body, "$.input");
            int requests;
            synchronized (asked) {
                asked.computeIfAbsent(model, k -> new CopyOnWriteArrayList<>()).addAll(input);
                requests = asked.get(model).size();
            }
            if (NEW.equals(model)) {
                await(gate);
            }
            // Each document here is one chunk, so the nth text is the nth request.
            boolean fail = NEW.equals(model) && requests == failAt.get();
            WebServer.respond(exchange, fail ? 503 : 200, "application/json",
                    (fail ? "{\"error\":{\"message\":\"overloaded\"}}" : vectors(model, input.size()))
                            .getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterAll
    void stopEmbedder() {
        embedder.close();
    }

    @Test
    void reembedsEveryDocumentOfTheOldModelAndReportsProgress() throws Exception {
        Api.Session admin = administrator();
        api.actAs(admin);
        List<String> documents = storedByTheOldModel(4);
        assertThat(status().<Integer>read("$.documentsAwaitingReembedding")).isEqualTo(4);
        assertThat(status().<String>read("$.model")).isEqualTo(NEW);

        gate = new CountDownLatch(1);
        DocumentContext job = reembed();
        assertThat(job.<String>read("$.kind")).isEqualTo("REEMBED");
        String jobId = job.read("$.id");
        List<String> events;
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(server.getURI()
                    .resolve("/api/v1/jobs/" + jobId + "/events")).header("Authorization", "Bearer "
                    + admin.accessToken()).timeout(Duration.ofSeconds(120)).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            CompletableFuture<List<String>> data = CompletableFuture.supplyAsync(() -> stream.body()
                    .filter(line -> line.startsWith("data:")).map(line -> line.substring(5).strip()).toList());
            Thread.sleep(300);
            gate.countDown();
            events = data.get(120, TimeUnit.SECONDS);
        }

        DocumentContext ended = api.awaitJobEnd(jobId);
        assertThat(ended.<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(ended.<Integer>read("$.percent")).isEqualTo(100);
        List<String> progress = events.stream().map(JsonPath::parse)
                .filter(e -> "RUNNING".equals(e.read("$.state")))
                .map(e -> e.<String>read("$.stage") + " " + e.<Integer>read("$.percent")).distinct().toList();
        assertThat(progress).containsSubsequence("EMBEDDING 0", "EMBEDDING 25", "EMBEDDING 50", "EMBEDDING 75",
                "EMBEDDING 100");
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE embedding_model = '" + NEW + "' AND embedding_dim = "
                + DIMENSION + " AND abs((embedding::real[])[2] - 0.2) < 1e-6")).isEqualTo(4);
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE embedding_model IS DISTINCT FROM '" + NEW + "'"))
                .isZero();
        assertThat(asked.get(NEW)).hasSize(4);
        assertThat(status().<Integer>read("$.documentsAwaitingReembedding")).isZero();
        // The graph holds the new chunks, and only those.
        for (String document : documents) {
            Eventually.await("the new chunk of " + document + " in the graph", () -> {
                List<String> inGraph = stores.cypherStrings("MATCH (:Document {id: '" + document
                        + "'})-[:HAS_CHUNK]->(c:Chunk) RETURN c.id");
                return inGraph.size() == 1 && stores.count("SELECT count(*) FROM chunks WHERE id = '"
                        + inGraph.getFirst() + "' AND embedding_model = '" + NEW + "'") == 1;
            });
        }
    }

    @Test
    void onlyAdministratorsMayStartItOrSeeItsStatus() {
        storedByTheOldModel(1);

        DocumentContext refused = api.graphql("reembedDocuments", Map.of());
        assertThat(refused.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
        assertThat(refused.<String>read("$.errors[0].message")).isEqualTo("Only administrators may do this.");
        assertThat(api.graphql("embeddingStatus", Map.of()).<String>read("$.errors[0].extensions.classification"))
                .isEqualTo("FORBIDDEN");
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs WHERE kind = 'REEMBED'")).isZero();
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE embedding_model = '" + OLD + "'")).isEqualTo(1);
    }

    @Test
    void aSecondRequestWhileOneIsUnderWayAnswersWithThatJob() {
        api.actAs(administrator());
        storedByTheOldModel(2);
        gate = new CountDownLatch(1);

        String first = reembed().read("$.id");
        Eventually.await("the job running", () -> "RUNNING".equals(job(first).read("$.state")));
        Api.Session other = administrator("second-admin@example.org");
        String second = api.actAs(other).graphql("reembedDocuments", Map.of()).read("$.data.reembedDocuments.id");
        gate.countDown();

        assertThat(second).isEqualTo(first);
        assertThat(api.awaitJobEnd(first).<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs WHERE kind = 'REEMBED'")).isEqualTo(1);
        // Once it has ended, a new request starts a new job (with nothing left to do).
        String third = reembed().read("$.id");
        assertThat(third).isNotEqualTo(first);
        assertThat(api.awaitJobEnd(third).<String>read("$.state")).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailedAttemptIsRetriedWithTheDocumentsStillWaiting() {
        api.actAs(administrator());
        storedByTheOldModel(3);
        failAt.set(2);

        String jobId = reembed().read("$.id");
        DocumentContext ended = api.awaitJobEnd(jobId);

        assertThat(ended.<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(ended.<Integer>read("$.attempt")).isEqualTo(2);
        // The document done before the failure was not embedded again: 1 + the failed one + the 2 left.
        assertThat(asked.get(NEW)).hasSize(4);
        assertThat(asked.get(NEW).stream().distinct()).hasSize(3);
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE embedding_model = '" + NEW + "'")).isEqualTo(3);
    }

    @Test
    void deletedDocumentsAreSkippedAndUnreadableFilesNamed() throws IOException {
        api.actAs(administrator());
        List<String> documents = new ArrayList<>(storedByTheOldModel(3));
        documents.sort(Comparator.naturalOrder());
        // The pass goes in id order: the first holds it up while the last is deleted and the middle one's file lost.
        String deleted = documents.getLast();
        String unreadable = documents.get(1);
        gate = new CountDownLatch(1);
        String jobId = reembed().read("$.id");
        Eventually.await("the first document being embedded", () -> asked.containsKey(NEW));
        assertThat(api.graphql("deleteDocument", Map.of("id", deleted)).<Boolean>read("$.data.deleteDocument"))
                .isTrue();
        Files.delete(fileOf(unreadable));
        gate.countDown();

        DocumentContext ended = api.awaitJobEnd(jobId);
        assertThat(ended.<String>read("$.state")).isEqualTo("DEAD");
        assertThat(ended.<String>read("$.error")).isEqualTo("1 of 3 documents could not be re-embedded because their "
                + "files could not be read again (" + unreadable + "); the others were. Delete or upload those "
                + "documents again.");
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE document_id = '" + documents.getFirst()
                + "' AND embedding_model = '" + NEW + "'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE document_id = '" + unreadable
                + "' AND embedding_model = '" + OLD + "'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM documents WHERE id = '" + deleted + "'")).isZero();
        assertThat(status().<Integer>read("$.documentsAwaitingReembedding")).isEqualTo(1);
    }

    /**
     * Documents uploaded here, then given chunks by the same service configured with the old model: each has one
     * chunk of {@link #OLD}. Returns their ids.
     */
    private List<String> storedByTheOldModel(int count) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String text = "Note " + i + " about " + UUID.randomUUID() + ".";
            texts.put(api.uploadText("note-" + i + ".txt", text), text);
        }
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.putAll(embedding(OLD));
        properties.put("kglab.jobs.enabled", "false");
        properties.put("kglab.storage.data-dir", dataDir.resolve("old-model").toString());
        properties.put("kglab.neo4j.uri", neo4j.boltUri());
        try {
            properties.put("kglab.neo4j.password", Files.readString(storage.neo4jPassword()).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (ApplicationContext old = ApplicationContext.builder().properties(properties).start()) {
            ChunkService chunks = old.getBean(ChunkService.class);
            texts.forEach((id, text) -> assertThat(chunks.replaceChunks(new DocumentId(UUID.fromString(id)),
                    StructuredText.plain(text), ChunkProgress.NONE)).isEqualTo(1));
        }
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE embedding_model = '" + OLD + "'")).isEqualTo(count);
        asked.clear();
        return List.copyOf(texts.keySet());
    }

    private Path fileOf(String documentId) {
        return storage.files().resolve(documentId.substring(0, 2)).resolve(documentId);
    }

    private DocumentContext reembed() {
        DocumentContext reply = api.graphql("reembedDocuments", Map.of());
        assertThat(reply.<Object>read("$.errors")).as(reply.jsonString()).isNull();
        return JsonPath.parse((Object) reply.read("$.data.reembedDocuments"));
    }

    private DocumentContext status() {
        return JsonPath.parse((Object) api.graphql("embeddingStatus", Map.of()).read("$.data.embeddingStatus"));
    }

    private DocumentContext job(String id) {
        return JsonPath.parse((Object) api.graphqlText("query($id: ID!) { job(id: $id) { state percent } }",
                Map.of("id", id)).read("$.data.job"));
    }

    private Api.Session administrator() {
        return administrator("admin@example.org");
    }

    /** An account whose role is admin, signed in afresh so that the token carries the role. */
    private Api.Session administrator(String email) {
        Api.Session user = api.signUp(email);
        stores.sql("UPDATE users SET role = 'admin' WHERE id = '" + user.userId() + "'");
        DocumentContext login = api.anonymous().graphql("login", Map.of("email", user.email(),
                "password", user.password()));
        api.actAs(owner);
        return user.withToken(login.read("$.data.login.accessToken"));
    }

    /** One vector per text; the model shows at position 1: 0.1 for the old model, 0.2 for the new. */
    private static String vectors(String model, int count) {
        String marker = OLD.equals(model) ? "0.1" : "0.2";
        String vector = IntStream.range(0, DIMENSION).mapToObj(d -> d == 1 ? marker : "0.01")
                .collect(Collectors.joining(","));
        String items = IntStream.range(0, count)
                .mapToObj(i -> "{\"object\":\"embedding\",\"index\":" + i + ",\"embedding\":[" + vector + "]}")
                .collect(Collectors.joining(","));
        return "{\"object\":\"list\",\"model\":\"" + model + "\",\"data\":[" + items + "]}";
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
