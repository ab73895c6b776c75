package org.kglab.sync;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariant I1: drift written by hand in the graph is found and repaired through the outbox; an empty graph is rebuilt. */
@MicronautTest(transactional = false)
class ReconcilerIT extends IntegrationTest {

    private static final String TEXT = "A paragraph about the reconciler, long enough to be a chunk of its own. ";

    @Inject
    Reconciler reconciler;

    @Inject
    ReconcileRuns reconcileRuns;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.sync.reconcile.batch-size", "2", "kglab.sync.reconcile.enabled", "false");
    }

    @Test
    void findsAndRepairsDriftWrittenByHandInTheGraph() {
        List<String> ids = uploadDocuments(4);
        awaitOutboxDrained();
        stores.cypher("MATCH (d:Document {id: '" + ids.get(0) + "'}) DETACH DELETE d");
        stores.cypher("MATCH (:Document {id: '" + ids.get(1) + "'})-[:HAS_CHUNK]->(c:Chunk) "
                + "WITH c LIMIT 1 DETACH DELETE c");
        stores.cypher("MATCH (d:Document {id: '" + ids.get(2) + "'}) SET d.title = 'stale'");
        stores.cypher("CREATE (:Document {id: '" + UUID.randomUUID() + "', version: 3, title: 'orphan'})"
                + "-[:HAS_CHUNK]->(:Chunk {id: 'orphan-chunk', ordinal: 0})");
        stores.cypher("CREATE (:Document {id: '" + UUID.randomUUID() + "', title: 'an orphan without a version'})");

        reconciler.fullPass();

        ReconcileRun run = lastRun();
        assertThat(run.driftFound()).as("a missing node, a chunk set short of a chunk, a stale title, two orphans")
                .isGreaterThanOrEqualTo(5).isEqualTo(run.driftRepaired());
        awaitOutboxDrained();
        assertGraphEqualsPostgres();
        assertThat(stores.cypherStrings("MATCH (d:Document {id: '" + ids.get(2) + "'}) RETURN d.title"))
                .doesNotContain("stale");
        reconciler.fullPass();
        assertThat(lastRun().driftFound()).as("nothing left to repair").isZero();
    }

    @Test
    void rebuildsAnEmptyGraphFromPostgres() {
        List<String> ids = uploadDocuments(3);
        awaitOutboxDrained();
        long chunks = stores.cypherCount("MATCH (c:Chunk) RETURN count(c)");
        assertThat(chunks).isGreaterThanOrEqualTo(ids.size());
        stores.cypher("MATCH (n) DETACH DELETE n");
        actAsAdministrator();

        DocumentContext status = api.graphql("reconcileGraph", Map.of());

        assertThat(status.<Integer>read("$.data.reconcileGraph.driftFound")).as("every document and chunk set")
                .isEqualTo(2 * ids.size());
        assertThat(status.<Integer>read("$.data.reconcileGraph.driftRepaired")).isEqualTo(2 * ids.size());
        assertThat(status.<String>read("$.data.reconcileGraph.lastReconcileAt")).isNotNull();
        awaitOutboxDrained();
        assertGraphEqualsPostgres();
        assertThat(stores.cypherCount("MATCH (c:Chunk) RETURN count(c)")).isEqualTo(chunks);
        assertThat(api.graphql("reconcileGraph", Map.of()).<Integer>read("$.data.reconcileGraph.driftFound"))
                .isZero();
    }

    @Test
    void refusesReconcileGraphToNonAdministrators() {
        DocumentContext refused = api.graphql("reconcileGraph", Map.of());

        assertThat(refused.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
        assertThat(stores.count("SELECT count(*) FROM sync_reconcile_runs")).as("no run made").isZero();
    }

    @Test
    void aRunResumesAtItsCheckpoint() {
        List<String> ids = uploadDocuments(3);
        awaitOutboxDrained();
        stores.cypher("MATCH (n) DETACH DELETE n");
        long before = stores.count("SELECT count(*) FROM outbox");
        long lastBefore = stores.count("SELECT coalesce(max(id), 0) FROM outbox");

        assertThat(reconciler.step()).isFalse();
        List<String> sorted = stores.strings("SELECT id::text FROM documents ORDER BY id");
        assertThat(stores.strings("SELECT phase || ' ' || last_id || ' ' || drift_found FROM sync_reconcile_runs"))
                .containsExactly("rows:document " + sorted.get(1) + " 2");
        assertThat(stores.count("SELECT count(*) FROM outbox")).isEqualTo(before + 2);

        reconciler.finishOpenRun();

        assertThat(stores.count("SELECT count(*) FROM (SELECT 1 FROM outbox WHERE id > " + lastBefore
                + " GROUP BY aggregate_type, aggregate_id HAVING count(*) > 1) twice")).as("none repaired twice")
                .isZero();
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE id > " + lastBefore))
                .as("each document and chunk set once").isEqualTo(2L * ids.size());
        assertThat(lastRun().driftFound()).isEqualTo(2L * ids.size());
        awaitOutboxDrained();
        assertGraphEqualsPostgres();
    }

    private List<String> uploadDocuments(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> api.uploadText("doc-" + i + ".txt", ("Document " + i + ". " + TEXT.repeat(40) + "\n\n")
                        .repeat(3)))
                .toList();
    }

    private ReconcileRun lastRun() {
        return reconcileRuns.lastFinished().orElseThrow();
    }

    /** Every READY document and its chunks are in the graph with their versions, and nothing else is. */
    private void assertGraphEqualsPostgres() {
        assertThat(stores.cypherStrings("""
                MATCH (d:Document)
                RETURN d.id + ' ' + d.version + ' ' + d.title + ' ' + coalesce(d.chunksVersion, 0) AS row"""))
                .containsExactlyInAnyOrderElementsOf(stores.strings("""
                        SELECT id || ' ' || version || ' ' || title || ' ' || chunks_version AS row FROM documents
                        WHERE status = 'READY'"""));
        assertThat(stores.cypherStrings("""
                MATCH (d:Document)-[:HAS_CHUNK]->(c:Chunk) RETURN d.id + ' ' + c.id + ' ' + c.ordinal AS row"""))
                .containsExactlyInAnyOrderElementsOf(
                        stores.strings("SELECT document_id || ' ' || id || ' ' || ordinal AS row FROM chunks"));
        assertThat(stores.cypherCount("MATCH (c:Chunk) WHERE NOT ()-[:HAS_CHUNK]->(c) RETURN count(c)")).isZero();
    }

    private void actAsAdministrator() {
        stores.sql("UPDATE users SET role = 'admin' WHERE id = '" + owner.userId() + "'");
        DocumentContext login = api.anonymous().graphql("login",
                Map.of("email", owner.email(), "password", owner.password()));
        api.actAs(owner.withToken(login.read("$.data.login.accessToken")));
    }

    private void awaitOutboxDrained() {
        Eventually.await("the outbox to drain", Duration.ofSeconds(60), () ->
                stores.count("SELECT count(*) FROM outbox WHERE processed_at IS NULL") == 0);
    }
}
