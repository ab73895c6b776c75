package org.kglab.sync;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.graph.GraphStore;
import org.kglab.platform.EmbeddedNeo4j;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.neo4j.driver.Driver;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kglab.sync.OutboxRows.chunks;
import static org.kglab.sync.OutboxRows.documentState;
import static org.kglab.sync.OutboxRows.row;

/** The relay applies a claimed batch in one Neo4j transaction, in order per aggregate, holding no PostgreSQL lock. */
@MicronautTest(transactional = false)
class OutboxBatchingIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    @Inject
    EmbeddedNeo4j neo4j;

    @Inject
    Driver driver;

    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.sync.relay.batch-size", "500");
    }

    @Test
    void appliesABatchOf500DocumentsInOneGraphTransaction() {
        assertThat(graphTransactionsToConverge(500)).isEqualTo(1);
    }

    /** Printed as the relay's throughput: 1,000 documents committed at once, in two batches of 500. */
    @Test
    void appliesAThousandDocumentsInBatchesOfTheConfiguredSize() {
        assertThat(graphTransactionsToConverge(1_000)).isEqualTo(2);
    }

    /** Appends {@code documents} new documents in one statement and returns the Neo4j transactions that wrote them. */
    private int graphTransactionsToConverge(int documents) {
        warmUp();
        try (GraphCommits commits = GraphCommits.watch(neo4j)) {
            long started = System.nanoTime();
            OutboxRows.appendDocuments(stores, owner.userId(), documents);
            awaitOutboxDrained();
            System.out.printf("%,d documents converged in %d ms%n", documents, (System.nanoTime() - started) / 1_000_000);

            assertThat(stores.cypherCount("MATCH (d:Document) RETURN count(d)")).isEqualTo(documents);
            return commits.count();
        }
    }

    @Test
    void appliesAStoreThenADeletionInOneBatchInTheirOrder() {
        warmUp();
        UUID gone = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        try (GraphCommits commits = GraphCommits.watch(neo4j)) {
            OutboxRows.append(stores,
                    row("document", gone, 1, documentState(owner.userId(), "'stored, then deleted'")),
                    row("document-chunks", gone, 1, chunks(UUID.randomUUID(), UUID.randomUUID())),
                    row("document", kept, 1, documentState(owner.userId(), "'kept'")),
                    row("document", gone, 2, "'null'"),
                    row("document-chunks", kept, 1, chunks(UUID.randomUUID())));
            awaitOutboxDrained();

            assertThat(commits.count()).as("Neo4j transactions that wrote nodes").isEqualTo(1);
        }
        assertThat(graph.findDocument(gone, owner.userId())).isEmpty();
        assertThat(graph.findDocument(kept, owner.userId())).isPresent();
        assertThat(stores.cypherCount("MATCH (c:Chunk) RETURN count(c)")).as("the kept document's chunk only")
                .isEqualTo(1);
    }

    @Test
    void anEntryAppliedTwiceLeavesNoDuplicate() {
        UUID id = UUID.randomUUID();
        UUID chunk = UUID.randomUUID();
        OutboxRows.append(stores,
                row("document", id, 1, documentState(owner.userId(), "'once'")),
                row("document-chunks", id, 1, chunks(chunk)));
        awaitOutboxDrained();

        // As after a crash between the Neo4j commit and the mark: the same entries again, in a later batch.
        stores.sql("UPDATE outbox SET processed_at = NULL");
        stores.sql("NOTIFY " + OutboxSignal.CHANNEL);
        awaitOutboxDrained();

        assertThat(stores.cypherCount("MATCH (d:Document) RETURN count(d)")).isEqualTo(1);
        assertThat(stores.cypherCount("MATCH (:Document)-[:HAS_CHUNK]->(c:Chunk) RETURN count(c)")).isEqualTo(1);
        assertThat(graph.findDocument(id, owner.userId()).orElseThrow().version()).isEqualTo(1);
    }

    /**
     * The test holds a write lock on a document's node in Neo4j, so the relay's write of that document waits. While
     * it waits, another PostgreSQL transaction updates the claimed outbox row with a short lock timeout: had the
     * relay kept the row locked from its claim, the update would time out.
     */
    @Test
    void holdsNoPostgresLockWhileNeo4jApplies() throws Exception {
        UUID id = UUID.randomUUID();
        OutboxRows.append(stores, row("document", id, 1, documentState(owner.userId(), "'first'")));
        awaitOutboxDrained();

        try (var session = driver.session(); var lock = session.beginTransaction()) {
            lock.run("MATCH (d:Document {id: $id}) SET d.title = 'held by the test'", Map.of("id", id.toString()))
                    .consume();
            OutboxRows.append(stores, row("document", id, 2, documentState(owner.userId(), "'second'")));
            Eventually.await("the relay to wait for the node's lock in Neo4j", Duration.ofSeconds(20), () ->
                    relayWaitingInNeo4j());
            assertThat(stores.count("SELECT count(*) FROM outbox WHERE revision = 2 AND claimed_until > now() "
                    + "AND processed_at IS NULL")).as("the entry, claimed and leased").isEqualTo(1);

            assertThat(updateClaimedRowWithin("1s")).isEqualTo(1);
            assertThat(stores.count("SELECT count(*) FROM outbox WHERE revision = 2 AND processed_at IS NULL"))
                    .as("still being applied").isEqualTo(1);
            lock.rollback();
        }
        awaitOutboxDrained();
        assertThat(graph.findDocument(id, owner.userId()).orElseThrow().title()).isEqualTo("second");
    }

    private boolean relayWaitingInNeo4j() {
        try (var session = driver.session()) {
            return session.run("SHOW TRANSACTIONS YIELD currentQuery, status "
                            + "WHERE currentQuery CONTAINS 'UNWIND $rows' AND status STARTS WITH 'Blocked' "
                            + "RETURN count(*) AS n")
                    .single().get("n").asLong() > 0;
        }
    }

    private int updateClaimedRowWithin(String lockTimeout) throws Exception {
        // A plain connection of the pool's own, outside any transaction the service manages.
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL lock_timeout = '" + lockTimeout + "'");
            int updated = statement.executeUpdate("UPDATE outbox SET last_error = 'touched while applied' "
                    + "WHERE revision = 2 AND processed_at IS NULL");
            connection.commit();
            return updated;
        }
    }

    /** The first projection applies the graph schema, which must not count as a batch's transaction. */
    private void warmUp() {
        OutboxRows.append(stores, row("document", UUID.randomUUID(), 1, documentState(owner.userId(), "'warm-up'")));
        awaitOutboxDrained();
        stores.cypher("MATCH (n) DETACH DELETE n");
    }

    private void awaitOutboxDrained() {
        Eventually.await("the outbox to drain", Duration.ofSeconds(60), () ->
                stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL") == 0);
    }
}
