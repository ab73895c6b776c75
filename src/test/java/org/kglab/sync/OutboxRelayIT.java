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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OutboxRelayIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    @Inject
    DocumentService documents;

    @Inject
    EmbeddedNeo4j neo4j;

    @Test
    void convergesAfterNeo4jWasStoppedAndRestarted() {
        neo4j.stop();
        UUID id;
        try {
            id = upload("while-down.md", "# Written while the graph was down");
            Eventually.await("the relay to record a failed attempt", () ->
                    stores.count("SELECT count(*) FROM outbox WHERE attempts > 0 AND last_error IS NOT NULL") == 1);
            assertThat(stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL")).isEqualTo(1);
        } finally {
            neo4j.start();
        }

        Eventually.await("the node once Neo4j is back", () -> graph.findDocument(id, owner.userId()).isPresent());
        Eventually.await("the entry to be marked processed", () ->
                stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL") == 0);
        assertThat(graph.findDocument(id, owner.userId()).orElseThrow().title()).isEqualTo("Written while the graph was down");
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
        UUID poisoned = UUID.randomUUID();
        stores.sql("INSERT INTO outbox (aggregate_type, aggregate_id, aggregate_version, event_type, payload) "
                + "VALUES ('document', '" + poisoned + "', 1, 'DOCUMENT_STORED', '{\"not\": \"a snapshot\"}')");

        UUID healthy = upload("healthy.txt", "unaffected by the poisoned entry");

        Eventually.await("the healthy document to be projected", () -> graph.findDocument(healthy, owner.userId()).isPresent());
        Eventually.await("the poisoned entry to be retried", () ->
                stores.count("SELECT attempts FROM outbox WHERE aggregate_id = '" + poisoned + "'") >= 2);
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + poisoned
                + "' AND processed_at IS NULL AND last_error IS NOT NULL AND next_attempt_at > created_at")).isEqualTo(1);
        assertThat(graph.findDocument(poisoned, owner.userId())).isEmpty();
    }

    private void awaitOutboxDrained() {
        Eventually.await("the outbox to drain", () ->
                stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL") == 0);
    }

    private UUID upload(String name, String content) {
        return UUID.fromString(api.uploadText(name, content));
    }
}
