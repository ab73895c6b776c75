package org.kglab.sync;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.graph.GraphProjection;
import org.kglab.graph.GraphStore;
import org.kglab.platform.change.Change;
import org.kglab.platform.change.ChangeSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One batch of one phase of a reconcile run (invariant I1, docs/sync.md). It compares, and repairs through the one
 * path: a drifted aggregate gets a fresh change with PostgreSQL's current state, an orphan node a removal, both
 * published into the caller's transaction and so appended to the outbox with the checkpoint. PostgreSQL, the commit
 * point, is never written from the graph. Aggregates with a change still in the outbox are in flight, not drifted.
 */
@Singleton
final class ReconcileBatch {

    private static final Argument<Map<String, Object>> STATE = Argument.mapOf(String.class, Object.class);

    /** Where a phase got to, and what it found and repaired there. */
    record Outcome(UUID lastId, boolean done, long found, long repaired) {
    }

    private final GraphStore graph;
    private final Outbox outbox;
    private final ApplicationEventPublisher<Change> changes;
    private final ObjectMapper json;

    ReconcileBatch(GraphStore graph, Outbox outbox, ApplicationEventPublisher<Change> changes, ObjectMapper json) {
        this.graph = graph;
        this.outbox = outbox;
        this.changes = changes;
        this.json = json;
    }

    /** Rows after {@code after}: each live aggregate the graph does not hold equal is published again. */
    Outcome rows(ChangeSource source, GraphProjection projection, UUID after, int limit) {
        List<Change> current = source.currentAfter(after, limit);
        if (current.isEmpty()) {
            return new Outcome(after, true, 0, 0);
        }
        Set<UUID> inFlight = inFlight(source.aggregateType(), current.stream().map(Change::aggregateId).toList());
        List<Change> settled = current.stream().filter(c -> !inFlight.contains(c.aggregateId())).toList();
        List<GraphProjection.Row> rows = settled.stream()
                .map(c -> projection.row(c.aggregateId(), c.revision(), state(c))).toList();
        Set<UUID> drifted = graph.drifted(projection, rows);
        List<GraphProjection.Row> driftedRows = rows.stream()
                .filter(r -> drifted.contains(UUID.fromString((String) r.values().get("id")))).toList();
        graph.forget(projection, driftedRows);
        settled.stream().filter(c -> drifted.contains(c.aggregateId())).forEach(changes::publishEvent);
        return new Outcome(current.getLast().aggregateId(), current.size() < limit, drifted.size(), drifted.size());
    }

    /** Nodes after {@code after}: each one without a live row is removed, at a revision past the node's. */
    Outcome nodes(ChangeSource source, GraphProjection projection, UUID after, int limit) {
        Map<UUID, Long> nodes = graph.nodesAfter(projection, after, limit);
        if (nodes.isEmpty()) {
            return new Outcome(after, true, 0, 0);
        }
        Set<UUID> live = new HashSet<>(inFlight(source.aggregateType(), nodes.keySet()));
        source.current(nodes.keySet()).forEach(c -> live.add(c.aggregateId()));
        long orphans = 0;
        UUID last = after;
        for (Map.Entry<UUID, Long> node : nodes.entrySet()) {
            last = node.getKey();
            if (!live.contains(node.getKey())) {
                changes.publishEvent(Change.removed(projection.aggregateType(), node.getKey(), node.getValue() + 1));
                orphans++;
            }
        }
        return new Outcome(last, nodes.size() < limit, orphans, orphans);
    }

    /** Chunks that no document holds: not an aggregate of anyone's, so removed in the graph directly. */
    Outcome strays(int limit) {
        long removed = graph.removeStrayChunks(limit);
        return new Outcome(ChangeSource.FIRST, removed < limit, removed, removed);
    }

    private Set<UUID> inFlight(String aggregateType, Collection<UUID> ids) {
        return ids.isEmpty() ? Set.of() : Set.copyOf(outbox.findInFlight(aggregateType, ids));
    }

    /** The state as the relay will read it from the outbox: through JSON, so that both compare the same values. */
    private @Nullable Map<String, Object> state(Change change) {
        Object state = change.state();
        if (state == null) {
            return null;
        }
        try {
            return json.readValue(json.writeValueAsString(state), STATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
