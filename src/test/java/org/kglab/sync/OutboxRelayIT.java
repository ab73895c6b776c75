package org.kglab.sync;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.audit.Origin;
import org.kglab.documents.DocumentId;
import org.kglab.documents.DocumentService;
import org.kglab.graph.DocumentNode;
import org.kglab.graph.GraphStore;
import org.kglab.platform.EmbeddedNeo4j;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class OutboxRelayIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    @Inject
    DocumentService documents;

    @Inject
    EmbeddedNeo4j neo4j;

    /** Attempts enough, and far enough apart, that a job outlasts a failure the test holds for a moment. */
    @Override
    protected java.util.Map<String, String> extraProperties() {
        return java.util.Map.of("kglab.jobs.max-attempts", "10", "kglab.jobs.backoff-initial", "300ms");
    }

    @Test
    void convergesAfterNeo4jWasStoppedAndRestarted() {
        neo4j.stop();
        UUID id;
        try {
            id = upload("while-down.md", "# Written while the graph was down");
            Eventually.await("the relay to record a failed attempt", () ->
                    stores.count("SELECT count(*) FROM outbox WHERE attempts > 0 AND last_error IS NOT NULL") == 1);
            // The document's entry and its chunks' entry, which waits behind it untried.
            assertThat(stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL")).isEqualTo(2);
            assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_type = 'document-chunks' "
                    + "AND attempts = 0")).isEqualTo(1);
        } finally {
            neo4j.start();
        }

        Eventually.await("the node once Neo4j is back", () -> graph.findDocument(id, owner.userId()).isPresent());
        Eventually.await("the entry to be marked processed", () ->
                stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL") == 0);
        assertThat(graph.findDocument(id, owner.userId()).orElseThrow().title()).isEqualTo("Written while the graph was down");
        assertThat(stores.cypherCount("MATCH (:Document {id: '" + id + "'})-[:HAS_CHUNK]->(c:Chunk) RETURN count(c)"))
                .isEqualTo(1);
    }

    @Test
    void replayingEveryEntryLeavesTheGraphUnchanged() {
        UUID kept = upload("kept.txt", "stays");
        UUID deleted = upload("deleted.txt", "goes");
        documents.delete(owner.caller(), Origin.SERVICE, new DocumentId(deleted));
        awaitOutboxDrained();
        DocumentNode before = graph.findDocument(kept, owner.userId()).orElseThrow();

        // As after a crash between applying to Neo4j and marking done: everything is applied again.
        stores.sql("UPDATE outbox SET processed_at = NULL");
        stores.sql("NOTIFY " + OutboxSignal.CHANNEL);
        awaitOutboxDrained();

        assertThat(graph.findDocument(kept, owner.userId())).contains(before);
        assertThat(graph.findDocument(deleted, owner.userId())).isEmpty();
        assertThat(stores.cypherCount("MATCH (d:Document) RETURN count(d)")).isEqualTo(1);
    }

    @Test
    void appliesChangesToOneDocumentInTheOrderTheyWereMade() {
        neo4j.stop();
        UUID id;
        try {
            // Both entries wait in the outbox; the delete must not overtake the store.
            id = upload("short-lived.txt", "stored, then deleted");
            documents.delete(owner.caller(), Origin.SERVICE, new DocumentId(id));
        } finally {
            neo4j.start();
        }

        awaitOutboxDrained();
        assertThat(graph.findDocument(id, owner.userId())).isEmpty();
        assertThat(stores.cypherCount("MATCH (d:Document) RETURN count(d)")).isZero();
    }

    @Test
    void retriesAFailingEntryWithBackoffWithoutHoldingUpOthers() {
        UUID poisoned = poison(UUID.randomUUID());

        UUID healthy = upload("healthy.txt", "unaffected by the poisoned entry");

        Eventually.await("the healthy document to be projected", () -> graph.findDocument(healthy, owner.userId()).isPresent());
        Eventually.await("the poisoned entry to be retried", () -> attempts(poisoned) >= 2);
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + poisoned
                + "' AND processed_at IS NULL AND last_error IS NOT NULL")).isEqualTo(1);
        assertThat(graph.findDocument(poisoned, owner.userId())).isEmpty();
    }

    /**
     * The configured backoff is 50 ms doubling to at most 500 ms. Each failure sets the next attempt
     * exactly that far ahead: never later than the delay from when it was seen (upper bound), and
     * never sooner than the delay after the attempt before fell due (lower bound).
     */
    @Test
    void schedulesEachRetryOfAFailingEntryAfterTheDoublingCappedDelay() {
        List<Long> delaysMillis = List.of(50L, 100L, 200L, 400L, 500L, 500L, 500L, 500L, 500L, 500L);
        UUID poisoned = poison(UUID.randomUUID());

        List<Sample> samples = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((samples.isEmpty() || samples.getLast().attempts() < 6) && System.nanoTime() < deadline) {
            pause();
            Sample sample = sample(poisoned);
            if (sample.attempts() > 0 && (samples.isEmpty() || sample.attempts() > samples.getLast().attempts())) {
                samples.add(sample);
            }
        }
        assertThat(samples).as("retries observed").isNotEmpty();
        assertThat(samples.getLast().attempts()).as("attempts within 20 s").isGreaterThanOrEqualTo(6);

        Sample previous = null;
        for (Sample sample : samples) {
            long delay = delaysMillis.get(sample.attempts() - 1) * 1000;
            assertThat(sample.nextAttemptMicros() - sample.seenMicros()).as("after attempt %d", sample.attempts())
                    .isLessThanOrEqualTo(delay + 1000);
            if (previous != null) {
                long sinceEarlierDue = delaysMillis.subList(previous.attempts(), sample.attempts()).stream()
                        .mapToLong(Long::longValue).sum() * 1000;
                assertThat(sample.nextAttemptMicros() - previous.nextAttemptMicros())
                        .as("from attempt %d to %d", previous.attempts(), sample.attempts())
                        .isGreaterThanOrEqualTo(sinceEarlierDue - 1000);
            }
            previous = sample;
        }
    }

    /**
     * The delete is committed while the store before it is failing and waiting out its backoff, so
     * the two are never in one batch: only the per-document guard in the claim keeps the delete back.
     */
    @Test
    void neverAppliesALaterChangeToADocumentWhileAnEarlierOneIsFailing() {
        UUID id = upload("stuck.txt", "its next change cannot be read");
        awaitOutboxDrained();
        String goodPayload = "(SELECT payload FROM outbox WHERE aggregate_id = '" + id + "' ORDER BY id LIMIT 1)";
        poison(id);
        Eventually.await("the earlier entry to fail", () -> attempts(id) >= 1);

        documents.delete(owner.caller(), Origin.SERVICE, new DocumentId(id));
        Eventually.await("the earlier entry to fail again, after the delete was committed", () -> attempts(id) >= 3);

        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + id
                + "' AND payload = 'null'::jsonb AND processed_at IS NULL AND attempts = 0"))
                .as("the delete, still waiting untried behind the failing entry").isEqualTo(1);
        assertThat(graph.findDocument(id, owner.userId())).as("the node the delete must not remove yet").isPresent();

        // Once the earlier entry can be applied, the delete follows it.
        stores.sql("UPDATE outbox SET payload = " + goodPayload + ", next_attempt_at = now() WHERE aggregate_id = '"
                + id + "' AND processed_at IS NULL AND aggregate_type = 'document' AND payload <> 'null'::jsonb");
        stores.sql("NOTIFY " + OutboxSignal.CHANNEL);
        awaitOutboxDrained();
        assertThat(graph.findDocument(id, owner.userId())).isEmpty();
    }

    /**
     * Two documents wait while Neo4j is down. The relay keeps retrying the first entry and never
     * moves on to the next: it waits as a whole for Neo4j, rather than spending every entry's
     * attempts and pushing each into a backoff of its own.
     */
    @Test
    void backsOffAsAWholeWhileNeo4jIsDownAndResumesWithTheOldestEntry() {
        neo4j.stop();
        UUID first;
        UUID second;
        try {
            first = upload("first.txt", "written while the graph was down");
            second = upload("second.txt", "also written while the graph was down");
            Eventually.await("the relay to try the oldest entry twice", Duration.ofSeconds(40), () -> attempts(first) >= 2);

            assertThat(attempts(second)).as("attempts on the next entry").isZero();
            assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + first
                    + "' AND last_error LIKE 'Neo4j is unavailable%' AND next_attempt_at <= now()")).isEqualTo(1);
        } finally {
            neo4j.start();
        }

        awaitOutboxDrained();
        assertThat(graph.findDocument(first, owner.userId())).isPresent();
        assertThat(graph.findDocument(second, owner.userId())).isPresent();
        assertThat(attempts(second)).isZero();
    }

    @Test
    void aChangeThatFailsToCommitLeavesNeitherTheRowNorItsOutboxEntry() {
        stores.sql("""
                CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused at commit'; END $$""");
        stores.sql("""
                CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON documents
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_commit()""");
        Api.Reply reply;
        try {
            reply = api.upload("never.txt", "refused when it commits".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            stores.sql("DROP TRIGGER refuse_commit ON documents");
            stores.sql("DROP FUNCTION refuse_commit()");
        }

        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        assertThat(reply.body()).doesNotContain("refused at commit", "SQL", "Exception", "at org.");
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
        assertThat(stores.count("SELECT count(*) FROM outbox")).isZero();
        assertThat(stores.storedFiles()).isEmpty();
        // The job and the scheduler's execution were written in the same transaction, and went with it.
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs")).isZero();
        assertThat(stores.count("SELECT count(*) FROM scheduled_tasks")).isZero();
    }

    /**
     * A document becomes READY in the transaction that writes its outbox entry: while the entry cannot be
     * written, the job's attempts fail and the document stays PROCESSING, with no entry; once it can, a later
     * attempt succeeds. A delete that cannot write its entry is refused.
     */
    @Test
    void anOutboxEntryThatCannotBeWrittenLeavesNoChangeBehind() {
        String kept = api.uploadText("kept.txt", "stays");
        awaitOutboxDrained();
        stores.sql("ALTER TABLE outbox ADD CONSTRAINT refuse_entries CHECK (false) NOT VALID");
        Api.Reply upload;
        try {
            upload = api.upload("later.txt", "its entry cannot be written yet".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(upload.status()).as(upload.body()).isEqualTo(202);
            String job = upload.json().read("$.jobId");
            Eventually.await("a failed attempt", () -> api.get("/api/v1/jobs/" + job).json().<Integer>read("$.attempt") >= 1
                    && "FAILED".equals(api.get("/api/v1/jobs/" + job).json().<String>read("$.state")));
            assertThatThrownBy(() -> documents.delete(owner.caller(), Origin.SERVICE,
                    new DocumentId(UUID.fromString(kept)))).isInstanceOf(RuntimeException.class);
            assertThat(api.documentStatus(upload.json().read("$.documentId"))).isEqualTo("PROCESSING");
            // The kept document's entries (the document and its chunks) only.
            assertThat(stores.count("SELECT count(*) FROM outbox")).isEqualTo(2);
        } finally {
            stores.sql("ALTER TABLE outbox DROP CONSTRAINT refuse_entries");
        }

        var ended = api.awaitJobEnd(upload.json().read("$.jobId"));
        assertThat(ended.<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(ended.<Integer>read("$.attempt")).isGreaterThan(1);
        assertThat(api.documentStatus(upload.json().read("$.documentId"))).isEqualTo("READY");
        assertThat(stores.count("SELECT count(*) FROM documents WHERE id = '" + kept + "'")).isEqualTo(1);
        // Each document's entries (the document and its chunks), the retried one's only from its successful attempt.
        assertThat(stores.count("SELECT count(*) FROM outbox")).isEqualTo(4);
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + kept + "'")).isEqualTo(2);
        assertThat(stores.storedFiles()).hasSize(2);
    }

    private void awaitOutboxDrained() {
        Eventually.await("the outbox to drain", () ->
                stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL") == 0);
    }

    /** Appends an entry for the document whose payload the projector cannot read, as if it were corrupt. */
    private UUID poison(UUID document) {
        stores.sql("INSERT INTO outbox (aggregate_type, aggregate_id, revision, payload) "
                + "VALUES ('document', '" + document + "', 1, '{\"not\": \"a snapshot\"}')");
        stores.sql("NOTIFY " + OutboxSignal.CHANNEL);
        return document;
    }

    private long attempts(UUID document) {
        return stores.count("SELECT coalesce(max(attempts), 0) FROM outbox WHERE aggregate_id = '" + document
                + "' AND aggregate_type = 'document' AND payload <> 'null'::jsonb");
    }

    private Sample sample(UUID document) {
        List<Long> row = stores.longs("SELECT attempts, (extract(epoch FROM next_attempt_at) * 1000000)::bigint, "
                + "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint FROM outbox WHERE aggregate_id = '"
                + document + "'");
        return new Sample(row.get(0).intValue(), row.get(1), row.get(2));
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The outbox row of a failing entry, as seen at {@code seenMicros}. */
    private record Sample(int attempts, long nextAttemptMicros, long seenMicros) {
    }

    private UUID upload(String name, String content) {
        return UUID.fromString(api.uploadText(name, content));
    }
}
