package org.kglab.jobs;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion jobs end to end: the real scheduler on the real database, failures caused for real in the
 * database, the REST and GraphQL views, the event stream, and recovery of a job whose runner died.
 */
@MicronautTest(transactional = false)
class JobsIT extends IntegrationTest {

    @Inject
    JobScheduler scheduler;

    @Inject
    EmbeddedServer server;

    @AfterEach
    void resumeAndAllowEverything() {
        scheduler.resume();
        stores.sql("ALTER TABLE document_provenance DROP CONSTRAINT IF EXISTS refuse_extraction");
    }

    @Test
    void anUploadIsVisibleAtOnceAsProcessingAndBecomesReadyWithItsProvenance() {
        scheduler.pause();
        Api.Reply reply = api.upload("notes.md", Fixtures.text("# Notes\n\nWords about graphs."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String id = reply.json().read("$.documentId");
        String jobId = reply.json().read("$.jobId");

        DocumentContext processing = api.graphql("document", Map.of("id", id));
        assertThat(processing.<String>read("$.data.document.status")).isEqualTo("PROCESSING");
        assertThat(processing.<String>read("$.data.document.provenance.sourceKind")).isEqualTo("UPLOAD");
        assertThat(processing.<String>read("$.data.document.provenance.ingestedAt")).isNull();
        DocumentContext queued = api.graphql("job", Map.of("id", jobId));
        assertThat(queued.<String>read("$.data.job.state")).isEqualTo("QUEUED");
        assertThat(queued.<String>read("$.data.job.stage")).isEqualTo("STORED");
        assertThat(queued.<String>read("$.data.job.documentId")).isEqualTo(id);

        scheduler.resume();
        DocumentContext ended = api.awaitJobEnd(jobId);
        assertThat(ended.<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(ended.<String>read("$.stage")).isEqualTo("DONE");
        assertThat(ended.<Integer>read("$.percent")).isEqualTo(100);
        assertThat(ended.<Integer>read("$.attempt")).isEqualTo(1);
        assertThat(ended.<Integer>read("$.maxAttempts")).isEqualTo(3);
        assertThat(ended.<String>read("$.finishedAt")).isNotNull();

        DocumentContext ready = api.graphql("document", Map.of("id", id));
        assertThat(ready.<String>read("$.data.document.status")).isEqualTo("READY");
        assertThat(ready.<String>read("$.data.document.title")).isEqualTo("Notes");
        assertThat(ready.read("$.data.document.provenance", Map.class))
                .containsEntry("sourceKind", "UPLOAD").containsEntry("fileName", "notes.md")
                .containsEntry("uploadedBy", owner.userId().toString()).containsEntry("apiKeyId", null)
                .containsEntry("url", null).containsEntry("feedId", null).containsEntry("fetchedAt", null)
                .containsEntry("pipelineVersion", "1");
        assertThat(ready.<String>read("$.data.document.provenance.extractor")).matches("tika \\d+\\.\\d+\\.\\d+");
        assertThat(ready.<String>read("$.data.document.provenance.ingestedAt")).isNotNull();
    }

    @Test
    void anUploadThroughAnApiKeyNamesTheKeyInItsProvenance() {
        DocumentContext created = api.graphql("createApiKey", Map.of("name", "pipeline", "scopes",
                List.of("READ", "INGEST")));
        String key = created.read("$.data.createApiKey.key");
        String keyId = created.read("$.data.createApiKey.apiKey.id");
        String id = api.actAs(owner.withToken(key)).uploadReady("keyed.md", Fixtures.text("# Keyed"), null);

        assertThat(api.graphql("document", Map.of("id", id)).read("$.data.document.provenance", Map.class))
                .containsEntry("apiKeyId", keyId).containsEntry("uploadedBy", owner.userId().toString());
    }

    @Test
    void aCorruptFileIsDeadAfterOneAttemptAndNeverRetried() throws Exception {
        Api.Reply reply = api.upload("broken.pdf", Fixtures.truncatedPdf());
        DocumentContext ended = api.awaitJobEnd(reply.json().read("$.jobId"));

        assertThat(ended.<String>read("$.state")).isEqualTo("DEAD");
        assertThat(ended.<String>read("$.error")).contains("could not be read");
        // Longer than any retry would wait here (backoff 200 ms, then 400 ms): still one attempt, nothing due.
        Thread.sleep(1_000);
        assertThat(api.get("/api/v1/jobs/" + ended.read("$.id")).json().<Integer>read("$.attempt")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM scheduled_tasks")).isZero();
    }

    /**
     * The database refuses the extracted text (a check constraint on the provenance row it updates): every
     * attempt fails, is retried after a backoff, and the third ends the job DEAD with the reason, its document
     * FAILED. Once the database takes the text again, retryJob runs it from the start and it succeeds.
     */
    @Test
    void aFailingStepIsRetriedWithBackoffThenDeadThenRetriedByTheUser() {
        stores.sql("ALTER TABLE document_provenance ADD CONSTRAINT refuse_extraction "
                + "CHECK (extractor IS NULL) NOT VALID");
        Api.Reply reply = api.upload("notes.txt", Fixtures.text("Words that the database refuses for now."));
        String jobId = reply.json().read("$.jobId");
        String documentId = reply.json().read("$.documentId");

        List<DocumentContext> failures = new ArrayList<>();
        List<String> statusesWhileRetrying = new ArrayList<>();
        Eventually.await("a failed attempt waiting for its retry", () -> {
            DocumentContext job = api.get("/api/v1/jobs/" + jobId).json();
            if (!"FAILED".equals(job.read("$.state"))) {
                return false;
            }
            // The retries are quick: the document's status counts only if the job was still not dead after it.
            String status = api.documentStatus(documentId);
            if ("DEAD".equals(api.get("/api/v1/jobs/" + jobId).json().read("$.state"))) {
                return false;
            }
            failures.add(job);
            statusesWhileRetrying.add(status);
            return true;
        });
        DocumentContext failed = failures.getFirst();
        Instant started = Instant.parse(failed.read("$.startedAt"));
        Instant next = Instant.parse(failed.read("$.nextAttemptAt"));
        // The first backoff is 200 ms with jitter in its upper half: at least 100 ms after the attempt began.
        assertThat(Duration.between(started, next)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(failed.<String>read("$.error")).isNotBlank().doesNotContain("Exception").doesNotContain("SQL");
        assertThat(statusesWhileRetrying).containsExactly("PROCESSING");

        DocumentContext dead = api.awaitJobEnd(jobId);
        assertThat(dead.<String>read("$.state")).isEqualTo("DEAD");
        assertThat(dead.<Integer>read("$.attempt")).isEqualTo(3);
        assertThat(dead.<String>read("$.error")).endsWith("(gave up after 3 attempts)");
        assertThat(api.documentStatus(documentId)).isEqualTo("FAILED");
        assertThat(stores.count("SELECT count(*) FROM outbox")).isZero();

        stores.sql("ALTER TABLE document_provenance DROP CONSTRAINT refuse_extraction");
        DocumentContext retried = api.graphql("retryJob", Map.of("id", jobId));
        assertThat(retried.<String>read("$.data.retryJob.state")).isEqualTo("QUEUED");
        assertThat(retried.<Integer>read("$.data.retryJob.attempt")).isZero();
        DocumentContext succeeded = api.awaitJobEnd(jobId);
        assertThat(succeeded.<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(succeeded.<Integer>read("$.attempt")).isEqualTo(1);
        assertThat(api.documentStatus(documentId)).isEqualTo("READY");
        assertThat(api.graphql("document", Map.of("id", documentId)).<String>read("$.data.document.text"))
                .isEqualTo("Words that the database refuses for now.");
    }

    @Test
    void onlyADeadOrCancelledJobCanBeRetried() {
        Api.Reply reply = api.upload("fine.txt", Fixtures.text("Nothing wrong here."));
        String jobId = reply.json().read("$.jobId");
        api.awaitJobEnd(jobId);

        DocumentContext refused = api.graphql("retryJob", Map.of("id", jobId));
        assertThat(refused.<String>read("$.errors[0].extensions.classification")).isEqualTo("CONFLICT");
        assertThat(refused.<String>read("$.errors[0].message")).contains("SUCCEEDED");
    }

    @Test
    void aCancelledJobNeverRunsAndCanBeRetried() throws Exception {
        scheduler.pause();
        Api.Reply reply = api.upload("later.txt", Fixtures.text("Cancelled before it ran."));
        String jobId = reply.json().read("$.jobId");
        String documentId = reply.json().read("$.documentId");

        DocumentContext cancelled = api.graphql("cancelJob", Map.of("id", jobId));
        assertThat(cancelled.<String>read("$.data.cancelJob.state")).isEqualTo("CANCELLED");
        scheduler.resume();
        Thread.sleep(1_000);
        DocumentContext job = api.get("/api/v1/jobs/" + jobId).json();
        assertThat(job.<String>read("$.state")).isEqualTo("CANCELLED");
        assertThat(job.<Integer>read("$.attempt")).isZero();
        assertThat(api.documentStatus(documentId)).isEqualTo("FAILED");
        assertThat(api.graphql("document", Map.of("id", documentId)).<String>read("$.data.document.failureReason"))
                .isEqualTo("The ingestion was cancelled.");
        assertThat(stores.count("SELECT count(*) FROM outbox")).isZero();

        DocumentContext again = api.graphql("cancelJob", Map.of("id", jobId));
        assertThat(again.<String>read("$.errors[0].extensions.classification")).isEqualTo("CONFLICT");

        api.graphql("retryJob", Map.of("id", jobId));
        assertThat(api.awaitJobEnd(jobId).<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(api.documentStatus(documentId)).isEqualTo("READY");
    }

    @Test
    void theEventStreamShowsEachStageAndEndsWithTheJob() throws Exception {
        scheduler.pause();
        Api.Reply reply = api.upload("paper.pdf", Fixtures.pdf("A Paper", "Portable words about graphs."));
        List<String> events = watch(reply.json().read("$.jobId"));

        List<String> seen = events.stream().map(e -> JsonPath.parse(e).<String>read("$.state") + "/"
                + JsonPath.parse(e).<String>read("$.stage")).toList();
        assertThat(seen.getFirst()).isEqualTo("QUEUED/STORED");
        assertThat(seen).contains("RUNNING/EXTRACTING", "RUNNING/PROJECTING");
        assertThat(seen.getLast()).isEqualTo("SUCCEEDED/DONE");
        List<Integer> percents = events.stream().map(e -> JsonPath.parse(e).<Integer>read("$.percent")).toList();
        assertThat(percents).isSorted().endsWith(100);
    }

    @Test
    void aLargeFileShowsItsExtractionMoveByTheShareOfItRead() throws Exception {
        scheduler.pause();
        String text = "Knowledge graphs link entities across documents; this line pads the file.\n".repeat(1_400);
        Api.Reply reply = api.upload("long.md", Fixtures.text(text));
        List<String> events = watch(reply.json().read("$.jobId"));

        List<Integer> extracting = events.stream().filter(e -> "EXTRACTING".equals(JsonPath.parse(e).read("$.stage")))
                .map(e -> JsonPath.parse(e).<Integer>read("$.percent")).distinct().toList();
        // The stage's band is 5 to 50: the file read in tenths takes it to 41, the parse's end to 45, the text
        // stored to 50.
        assertThat(extracting).isSorted().startsWith(5).endsWith(45, 50);
        assertThat(extracting.stream().filter(p -> p > 5 && p < 45)).as("percentages while the file is read")
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void anotherUserCannotWatchTheJob() throws Exception {
        Api.Reply reply = api.upload("mine.txt", Fixtures.text("Only mine."));
        Api.Session bob = api.signUp("bob@example.org");
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> refused = client.send(events(reply.json().read("$.jobId"), bob.accessToken()),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("mine.txt");
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(server.getURI()
                    .resolve("/api/v1/jobs/" + reply.json().read("$.jobId") + "/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void jobsArePagedNewestFirstAndFilteredByState() {
        String first = api.upload("a.txt", Fixtures.text("first")).json().read("$.jobId");
        String second = api.upload("b.txt", Fixtures.text("second")).json().read("$.jobId");
        String broken = api.upload("c.pdf", Fixtures.truncatedPdf()).json().read("$.jobId");
        List.of(first, second, broken).forEach(api::awaitJobEnd);

        DocumentContext page = api.graphql("jobs", Map.of("first", 2));
        assertThat(page.<List<String>>read("$.data.jobs.edges[*].node.id")).containsExactly(broken, second);
        assertThat(page.<Boolean>read("$.data.jobs.pageInfo.hasNextPage")).isTrue();
        DocumentContext rest = api.graphql("jobs", Map.of("first", 2,
                "after", page.read("$.data.jobs.pageInfo.endCursor")));
        assertThat(rest.<List<String>>read("$.data.jobs.edges[*].node.id")).containsExactly(first);
        assertThat(rest.<Boolean>read("$.data.jobs.pageInfo.hasNextPage")).isFalse();

        assertThat(api.graphql("jobs", Map.of("state", "DEAD")).<List<String>>read("$.data.jobs.edges[*].node.id"))
                .containsExactly(broken);
        assertThat(api.graphql("jobs", Map.of("first", 101)).<String>read("$.errors[0].extensions.classification"))
                .isEqualTo("BAD_REQUEST");
        assertThat(api.graphql("jobs", Map.of("after", "not-a-cursor"))
                .<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void anAdministratorSeesEveryonesJobsAndOthersOnlyTheirOwn() {
        String owners = api.upload("mine.txt", Fixtures.text("the owner's")).json().read("$.jobId");
        Api.Session admin = administrator();
        String admins = api.actAs(admin).upload("admin.txt", Fixtures.text("the admin's")).json().read("$.jobId");

        assertThat(api.graphql("jobs", Map.of()).<List<String>>read("$.data.jobs.edges[*].node.id"))
                .containsExactlyInAnyOrder(owners, admins);
        assertThat(api.graphql("job", Map.of("id", owners)).<String>read("$.data.job.id")).isEqualTo(owners);
        assertThat(api.actAs(owner).graphql("jobs", Map.of()).<List<String>>read("$.data.jobs.edges[*].node.id"))
                .containsExactly(owners);
    }

    @Test
    void theSameBytesFromTheSameOwnerAnswerTheExistingDocument() {
        byte[] content = Fixtures.text("# Same bytes\n\nUploaded twice.");
        Api.Reply first = api.upload("one.md", content);
        String id = first.json().read("$.documentId");
        api.awaitJobEnd(first.json().read("$.jobId"));

        Api.Reply second = api.upload("two.md", content);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().<String>read("$.duplicateOf")).isEqualTo(id);
        assertThat(second.json().<String>read("$.documentId")).isEqualTo(id);
        assertThat(second.json().<String>read("$.jobId")).isNull();
        assertThat(second.json().<String>read("$.status")).isEqualTo("READY");
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs")).isEqualTo(1);
        assertThat(stores.storedFiles()).hasSize(1);
    }

    @Test
    void twoOwnersOfTheSameBytesEachGetTheirOwnDocument() {
        byte[] content = Fixtures.text("Shared words.");
        String mine = api.uploadReady("shared.txt", content, null);
        Api.Session bob = api.signUp("bob@example.org");
        Api.Reply theirs = api.actAs(bob).upload("shared.txt", content);

        assertThat(theirs.status()).as(theirs.body()).isEqualTo(202);
        assertThat(theirs.json().<String>read("$.duplicateOf")).isNull();
        assertThat(theirs.json().<String>read("$.documentId")).isNotEqualTo(mine);
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(2);
    }

    @Test
    void concurrentIdenticalUploadsStoreOneDocument() {
        byte[] content = Fixtures.text("Raced words.");
        List<CompletableFuture<Api.Reply>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uploads.add(CompletableFuture.supplyAsync(() -> api.upload("raced.txt", content)));
        }
        List<Api.Reply> replies = uploads.stream().map(CompletableFuture::join).toList();

        assertThat(replies).extracting(Api.Reply::status).containsOnly(200, 202).containsOnlyOnce(202);
        assertThat(replies).extracting(r -> r.json().<String>read("$.documentId")).containsOnly(
                replies.getFirst().json().<String>read("$.documentId"));
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs")).isEqualTo(1);
        Eventually.await("staging emptied", () -> stores.storedFiles().size() == 1);
    }

    /**
     * A runner that dies mid-attempt leaves its execution picked, with a heartbeat that stops. Here the job is
     * left as a crashed instance leaves it: RUNNING in its first attempt, its execution picked by an instance
     * that has not been heard of for an hour. This instance notices, takes the job over, and finishes it in a
     * second attempt: one document, READY, announced to the graph once.
     */
    @Test
    void aJobWhoseRunnerDiedIsTakenOverAndFinished() {
        scheduler.pause();
        Api.Reply reply = api.upload("orphan.txt", Fixtures.text("Left behind by a crashed instance."));
        String jobId = reply.json().read("$.jobId");
        stores.sql("UPDATE scheduled_tasks SET picked = true, picked_by = 'crashed-instance', "
                + "last_heartbeat = now() - interval '1 hour', version = version + 1 WHERE task_instance = '"
                + jobId + "'");
        stores.sql("UPDATE ingestion_jobs SET state = 'RUNNING', attempt = 1, stage = 'EXTRACTING', percent = 5, "
                + "started_at = now() - interval '1 hour' WHERE id = '" + jobId + "'");

        scheduler.resume();
        DocumentContext ended = api.awaitJobEnd(jobId);
        assertThat(ended.<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(ended.<Integer>read("$.attempt")).isEqualTo(2);
        assertThat(api.documentStatus(reply.json().read("$.documentId"))).isEqualTo("READY");
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(1);
        // Announced to the graph once; its chunks travel in an entry of their own.
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_type = 'document'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_type = 'document-chunks'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM scheduled_tasks")).isZero();
    }

    /** The job's events, from before it starts (the scheduler is paused until the stream is open) to its end. */
    private List<String> watch(String jobId) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<Stream<String>> stream = client.send(events(jobId, owner.accessToken()),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            CompletableFuture<List<String>> data = CompletableFuture.supplyAsync(() -> stream.body()
                    .filter(line -> line.startsWith("data:")).map(line -> line.substring(5).strip()).toList());
            Thread.sleep(300);
            scheduler.resume();
            // The stream ends by itself when the job ends.
            return data.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private HttpRequest events(String jobId, String token) {
        return HttpRequest.newBuilder(server.getURI().resolve("/api/v1/jobs/" + jobId + "/events"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** A user whose role is admin, signed in afresh so that the token carries the role. */
    private Api.Session administrator() {
        Api.Session user = api.signUp("admin@example.org");
        stores.sql("UPDATE users SET role = 'admin' WHERE id = '" + user.userId() + "'");
        DocumentContext login = api.anonymous().graphql("login", Map.of("email", user.email(),
                "password", user.password()));
        return user.withToken(login.read("$.data.login.accessToken"));
    }
}
