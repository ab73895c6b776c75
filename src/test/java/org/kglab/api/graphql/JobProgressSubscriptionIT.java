package org.kglab.api.graphql;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Fixtures;
import org.kglab.support.GraphQLSocket;
import org.kglab.support.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code subscription { jobProgress }} over a real WebSocket with the graphql-ws protocol: authenticated
 * in {@code connection_init} with a real token, following a real upload's job to its end; and every way a
 * connection is refused, with the protocol's close codes.
 */
@MicronautTest(transactional = false)
class JobProgressSubscriptionIT extends IntegrationTest {

    private static final String PROGRESS = Api.operation("jobProgress");

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("graphql.graphql-ws.connection-init-wait-timeout", "2s");
    }

    @Test
    void followsAnUploadUntilItsJobSucceeds() {
        Api.Reply upload = api.upload("notes.md", Fixtures.text("# Soil\n\nMicrobes help wheat survive drought."));
        assertThat(upload.status()).isEqualTo(202);
        String jobId = upload.json().read("$.jobId");
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            List<DocumentContext> messages = socket.subscribe("1", PROGRESS, Map.of("id", jobId)).untilDone("1");
            DocumentContext last = messages.getLast();
            assertThat(last.<String>read("$.type")).isEqualTo("complete");
            List<DocumentContext> events = messages.subList(0, messages.size() - 1);
            assertThat(events).isNotEmpty().allSatisfy(event -> {
                assertThat(event.<String>read("$.type")).isEqualTo("next");
                assertThat(event.<String>read("$.payload.data.jobProgress.id")).isEqualTo(jobId);
                assertThat(event.<Object>read("$.payload.errors")).isNull();
            });
            List<Integer> percents = events.stream().map(e -> e.<Integer>read("$.payload.data.jobProgress.percent")).toList();
            assertThat(percents).isSorted();
            DocumentContext end = events.getLast();
            assertThat(end.<String>read("$.payload.data.jobProgress.state")).isEqualTo("SUCCEEDED");
            assertThat(end.<String>read("$.payload.data.jobProgress.stage")).isEqualTo("DONE");
            assertThat(end.<Integer>read("$.payload.data.jobProgress.percent")).isEqualTo(100);
            assertThat(events.subList(0, events.size() - 1)).noneMatch(e ->
                    "SUCCEEDED".equals(e.read("$.payload.data.jobProgress.state")));
        }
    }

    @Test
    void sendsEveryChangeInOrderUntilTheJobEnds() {
        String job = waitingJob();
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            socket.subscribe("1", PROGRESS, Map.of("id", job));
            assertThat(progress(socket.next())).isEqualTo("QUEUED STORED 0");
            moveOn(job, "RUNNING", "EXTRACTING", 40);
            assertThat(progress(socket.next())).isEqualTo("RUNNING EXTRACTING 40");
            moveOn(job, "RUNNING", "EMBEDDING", 80);
            assertThat(progress(socket.next())).isEqualTo("RUNNING EMBEDDING 80");
            moveOn(job, "SUCCEEDED", "DONE", 100);
            assertThat(progress(socket.next())).isEqualTo("SUCCEEDED DONE 100");
            assertThat(socket.next().<String>read("$.type")).isEqualTo("complete");
        }
    }

    @Test
    void boundsTheOperationsOfAConnectionAndStopsTheOnesItCompletes() {
        String job = waitingJob();
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            for (int i = 0; i < SubscriptionSocket.MAX_OPERATIONS; i++) {
                assertThat(socket.subscribe("op" + i, PROGRESS, Map.of("id", job)).next().<String>read("$.id"))
                        .isEqualTo("op" + i);
            }
            List<DocumentContext> refused = socket.subscribe("more", PROGRESS, Map.of("id", job)).untilDone("more");
            assertThat(refused).hasSize(1);
            assertThat(refused.getFirst().<String>read("$.type")).isEqualTo("error");
            assertThat(refused.getFirst().<String>read("$.payload[0].message")).startsWith("At most 10 operations");
            // Completed by the client: stopped, and its id is free again (a running id would close with 4409).
            socket.send(Map.of("id", "op0", "type", "complete"));
            assertThat(socket.subscribe("op0", PROGRESS, Map.of("id", job)).next().<String>read("$.id")).isEqualTo("op0");
            socket.subscribe("op1", PROGRESS, Map.of("id", job));
            assertThat(socket.awaitClose().code()).isEqualTo(4409);
        }
    }

    @Test
    void sendsAnEndedJobOnceAndCompletes() {
        api.uploadText("done.md", "# Already done");
        String jobId = api.graphqlText("{ jobs(first: 1) { edges { node { id } } } }", Map.of())
                .read("$.data.jobs.edges[0].node.id");
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            List<DocumentContext> messages = socket.subscribe("a", PROGRESS, Map.of("id", jobId)).untilDone("a");
            assertThat(messages).extracting(m -> m.<String>read("$.type")).containsExactly("next", "complete");
            assertThat(messages.getFirst().<String>read("$.payload.data.jobProgress.state")).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void answersAnUnknownJobWithAnErrorAndNoEvent() {
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            List<DocumentContext> messages = socket.subscribe("x", PROGRESS, Map.of("id", UUID.randomUUID().toString()))
                    .untilDone("x");
            assertThat(messages).hasSize(1);
            assertThat(messages.getFirst().<String>read("$.type")).isEqualTo("error");
            assertThat(messages.getFirst().<String>read("$.payload[0].extensions.classification")).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void runsQueriesOverTheSocketAsTheAuthenticatedCaller() {
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            List<DocumentContext> messages = socket.subscribe("me", Api.operation("me"), Map.of()).untilDone("me");
            assertThat(messages).extracting(m -> m.<String>read("$.type")).containsExactly("next", "complete");
            assertThat(messages.getFirst().<String>read("$.payload.data.me.id")).isEqualTo(owner.userId().toString());
        }
    }

    @Test
    void authenticatesAnApiKeyWithinItsScopes() {
        String job = waitingJob();
        try (var socket = GraphQLSocket.open(server)) {
            socket.init(Map.of("X-API-Key", apiKey("INGEST"))).next();
            assertThat(progress(socket.subscribe("1", PROGRESS, Map.of("id", job)).next())).isEqualTo("QUEUED STORED 0");
        }
        try (var socket = GraphQLSocket.open(server)) {
            DocumentContext ack = socket.init(Map.of("Authorization", "Bearer " + apiKey("WRITE"))).next();
            assertThat(ack.<String>read("$.type")).isEqualTo("connection_ack");
            List<DocumentContext> refused = socket.subscribe("1", PROGRESS, Map.of("id", job)).untilDone("1");
            assertThat(refused).hasSize(1);
            assertThat(refused.getFirst().<String>read("$.payload[0].extensions.classification")).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void refusesABadTokenWithForbidden() {
        try (var socket = GraphQLSocket.open(server)) {
            socket.init(Map.of("Authorization", "Bearer not-a-token"));
            GraphQLSocket.Closed closed = socket.awaitClose();
            assertThat(closed.code()).isEqualTo(4403);
            assertThat(closed.reason()).contains("invalid or has expired");
        }
    }

    @Test
    void refusesAConnectionWithoutCredentials() {
        try (var socket = GraphQLSocket.open(server)) {
            socket.init(Map.of());
            GraphQLSocket.Closed closed = socket.awaitClose();
            assertThat(closed.code()).isEqualTo(4401);
            assertThat(closed.reason()).contains("Authorization");
        }
    }

    @Test
    void runsNothingBeforeTheConnectionIsAcknowledged() {
        try (var socket = GraphQLSocket.open(server)) {
            socket.subscribe("1", Api.operation("me"), Map.of());
            assertThat(socket.awaitClose().code()).isEqualTo(4401);
        }
    }

    @Test
    void closesAConnectionThatNeverInitialises() {
        try (var socket = GraphQLSocket.open(server)) {
            assertThat(socket.awaitClose().code()).isEqualTo(4408);
        }
    }

    @Test
    void refusesASecondInitialisation() {
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            socket.init(Map.of("Authorization", "Bearer " + owner.accessToken()));
            assertThat(socket.awaitClose().code()).isEqualTo(4429);
        }
    }

    @Test
    void refusesAMessageThatIsNotJson() {
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            socket.sendText("{not json");
            assertThat(socket.awaitClose().code()).isEqualTo(4400);
        }
    }

    @Test
    void refusesAMessageLargerThanTheLimit() {
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            String query = "{ me { id } }" + " ".repeat(SubscriptionSocket.MAX_MESSAGE_BYTES);
            socket.subscribe("big", query, Map.of());
            assertThat(socket.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void joinsAMessageSentInFragmentsAndBoundsItAsAWhole() {
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            socket.sendInFragments("{\"id\":\"f\",\"type\":\"subscribe\",", "\"payload\":{\"query\":",
                    "\"{ me { id } }\"}}");
            assertThat(socket.untilDone("f")).extracting(m -> m.<String>read("$.type")).containsExactly("next", "complete");
            String part = " ".repeat(SubscriptionSocket.MAX_MESSAGE_BYTES / 4);
            socket.sendInFragments("{\"id\":\"g\",\"type\":\"subscribe\",", part, part, part, part, "}");
            assertThat(socket.awaitClose().code()).isEqualTo(1009);
        }
    }

    /** Fragments that never end are not held: the connection closes once they pass the limit, even before init. */
    @Test
    void closesAMessageThatKeepsGrowingInFragmentsBeforeItEnds() {
        try (var socket = GraphQLSocket.open(server)) {
            String part = " ".repeat(16 * 1024);
            socket.sendFragments("{\"type\":\"connection_init\",", part, part, part, part, part);
            assertThat(socket.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void endsWhatASignedOutTokenMayStart() {
        try (var socket = GraphQLSocket.open(server).initWith(owner.accessToken())) {
            DocumentContext logout = api.graphql("logout", Map.of("refreshToken", owner.refreshToken()));
            assertThat(logout.<Object>read("$.errors")).isNull();
            socket.subscribe("1", Api.operation("me"), Map.of());
            assertThat(socket.awaitClose().code()).isEqualTo(4403);
        }
    }

    @Test
    void refusesSubscriptionsOverHttp() {
        Api.Reply reply = api.send(HttpRequest.POST("/graphql", Map.of("query", PROGRESS,
                "variables", Map.of("id", UUID.randomUUID().toString()))).contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().<String>read("$.errors[0].message")).contains("/graphql-ws");
    }

    /** A job that nothing runs (it has no scheduled execution), moved on by hand below. */
    private String waitingJob() {
        String id = UUID.randomUUID().toString();
        stores.sql("INSERT INTO ingestion_jobs (id, owner_id, kind, state, max_attempts, stage, created_at) VALUES ('"
                + id + "', '" + owner.userId() + "', 'UPLOAD', 'QUEUED', 3, 'STORED', now())");
        return id;
    }

    private String apiKey(String scope) {
        DocumentContext created = api.graphql("createApiKey", Map.of("name", "socket " + scope, "scopes", List.of(scope)));
        return created.read("$.data.createApiKey.key");
    }

    /** As another instance would: a change in the table only, which the stream finds by looking. */
    private void moveOn(String job, String state, String stage, int percent) {
        stores.sql("UPDATE ingestion_jobs SET state = '" + state + "', stage = '" + stage + "', percent = " + percent
                + " WHERE id = '" + job + "'");
    }

    private static String progress(DocumentContext next) {
        assertThat(next.<String>read("$.type")).as(next.jsonString()).isEqualTo("next");
        return next.read("$.payload.data.jobProgress.state") + " " + next.read("$.payload.data.jobProgress.stage")
                + " " + next.read("$.payload.data.jobProgress.percent");
    }
}
