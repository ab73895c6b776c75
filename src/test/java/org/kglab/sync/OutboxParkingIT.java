package org.kglab.sync;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.graph.GraphStore;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kglab.sync.OutboxRows.documentState;
import static org.kglab.sync.OutboxRows.row;

/** A poisoned entry is parked and visible, and holds back its own aggregate only; old processed entries are pruned. */
@MicronautTest(transactional = false)
class OutboxParkingIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    @Inject
    OutboxPruner pruner;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.sync.relay.max-attempts", "3");
    }

    @Test
    void parksAnEntryOfAnUnknownTypeAtOnceAndHoldsBackOnlyItsOwnAggregate() {
        UUID stuck = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        OutboxRows.append(stores,
                row("no-such-aggregate", stuck, 1, "'{}'"),
                row("document", stuck, 1, documentState(owner.userId(), "'behind the parked entry'")),
                row("document", other, 1, documentState(owner.userId(), "'unaffected'")));

        Eventually.await("the other aggregate's document in the graph", () ->
                graph.findDocument(other, owner.userId()).isPresent());
        Eventually.await("the unknown entry parked", () -> parked(stuck) == 1);
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + stuck + "' AND attempts = 0 "
                + "AND park_reason = 'No projection applies changes of aggregate type ''no-such-aggregate'''"))
                .as("parked at once, with its reason").isEqualTo(1);

        UUID later = UUID.randomUUID();
        OutboxRows.append(stores, row("document", later, 1, documentState(owner.userId(), "'appended later'")));
        Eventually.await("a later aggregate's document in the graph", () ->
                graph.findDocument(later, owner.userId()).isPresent());
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + stuck + "' "
                + "AND aggregate_type = 'document' AND processed_at IS NULL AND attempts = 0"))
                .as("the parked aggregate's later entry, held back untried").isEqualTo(1);
        assertThat(graph.findDocument(stuck, owner.userId())).isEmpty();
    }

    @Test
    void parksAnEntryAfterItFailedTheConfiguredNumberOfTimes() {
        UUID poisoned = UUID.randomUUID();
        OutboxRows.append(stores, row("document", poisoned, 1, "'{\"not\": \"a document\"}'"));

        Eventually.await("the failing entry parked", () -> parked(poisoned) == 1);
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + poisoned + "' "
                + "AND failures = 3 AND park_reason LIKE 'Failed 3 times; the last error: %''title'' is missing'"))
                .isEqualTo(1);

        UUID healthy = UUID.randomUUID();
        OutboxRows.append(stores, row("document", healthy, 1, documentState(owner.userId(), "'healthy'")));
        Eventually.await("a healthy document after the parking", () ->
                graph.findDocument(healthy, owner.userId()).isPresent());
        assertThat(stores.count("SELECT attempts FROM outbox WHERE aggregate_id = '" + poisoned + "'"))
                .as("no attempt once parked").isEqualTo(3);
    }

    @Test
    void administratorsSeePendingAndParkedChangesAndOthersAreRefused() {
        UUID stuck = UUID.randomUUID();
        OutboxRows.append(stores,
                row("no-such-aggregate", stuck, 1, "'{}'"),
                row("document", stuck, 1, documentState(owner.userId(), "'waiting'")));
        Eventually.await("the unknown entry parked", () -> parked(stuck) == 1);

        DocumentContext refused = api.graphql("syncStatus", Map.of());
        assertThat(refused.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");

        actAsAdministrator();
        DocumentContext status = api.graphql("syncStatus", Map.of());
        assertThat(status.<Integer>read("$.data.syncStatus.parked")).isEqualTo(1);
        assertThat(status.<Integer>read("$.data.syncStatus.pending")).isEqualTo(1);
        assertThat(status.<Integer>read("$.data.syncStatus.lagMillis")).isNotNull().isNotNegative();
    }

    @Test
    void prunesOnlyProcessedEntriesOlderThanTheRetention() {
        OutboxRows.append(stores, row("document", UUID.randomUUID(), 1, documentState(owner.userId(), "'old'")));
        awaitNothingDue();
        clock.advance(Duration.ofDays(7).plusHours(1));
        UUID recent = UUID.randomUUID();
        UUID stuck = UUID.randomUUID();
        OutboxRows.append(stores, row("document", recent, 1, documentState(owner.userId(), "'recent'")));
        OutboxRows.append(stores,
                row("no-such-aggregate", stuck, 1, "'{}'"),
                row("document", stuck, 1, documentState(owner.userId(), "'pending behind it'")));
        Eventually.await("the unknown entry parked", () -> parked(stuck) == 1);
        awaitNothingDue();

        assertThat(pruner.prune()).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE payload ->> 'title' = 'old'")).isZero();
        assertThat(stores.count("SELECT count(*) FROM outbox")).as("the recent, the parked and the pending one")
                .isEqualTo(3);
        assertThat(pruner.prune()).isZero();
    }

    private void actAsAdministrator() {
        stores.sql("UPDATE users SET role = 'admin' WHERE id = '" + owner.userId() + "'");
        DocumentContext login = api.anonymous().graphql("login",
                Map.of("email", owner.email(), "password", owner.password()));
        api.actAs(owner.withToken(login.read("$.data.login.accessToken")));
    }

    private long parked(UUID aggregate) {
        return stores.count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + aggregate
                + "' AND parked_at IS NOT NULL AND processed_at IS NULL");
    }

    /** Every entry is processed, or parked, or held back behind a parked one. */
    private void awaitNothingDue() {
        Eventually.await("the outbox to drain", () -> stores.count("""
                SELECT count(*) FROM outbox o WHERE o.processed_at IS NULL AND o.parked_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.aggregate_id = o.aggregate_id
                                  AND e.parked_at IS NOT NULL)""") == 0);
    }
}
