package org.kglab.graph;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps one aggregate type in the graph (docs/adr/0003). Subclasses live here, next to their Cypher, and are found
 * by whoever relays changes through {@link #aggregateType()}. Each turns a change into a row and has one
 * {@code UNWIND $rows} statement for states and one for removals, so that any number of changes is one statement
 * each. Both must be idempotent by revision: a row whose revision the graph already holds, or a newer one,
 * changes nothing.
 */
public abstract class GraphProjection {

    private final String aggregateType;
    private final String upsert;
    private final String remove;
    private final Checks checks;

    /**
     * Only the graph projects into the graph.
     *
     * @param upsert brings each {@code row} in {@code $rows} to its state
     * @param remove removes each aggregate in {@code $rows} (only {@code id} and {@code revision} are set)
     * @param checks   how the reconciler compares the graph with the rows it should hold
     */
    GraphProjection(String aggregateType, String upsert, String remove, Checks checks) {
        this.aggregateType = aggregateType;
        this.upsert = upsert;
        this.remove = remove;
        this.checks = checks;
    }

    /** The aggregate type of the changes this projection applies. */
    public final String aggregateType() {
        return aggregateType;
    }

    /**
     * The row of one change, ready to be applied with others by {@link GraphStore#project}.
     *
     * @param state the aggregate's state after the change, as stored (JSON values), or null when it is gone
     * @throws MalformedChange if the state lacks what the projection needs
     */
    public final Row row(UUID aggregateId, long revision, @Nullable Map<String, Object> state) {
        Map<String, Object> values = new HashMap<>();
        if (state != null) {
            values.putAll(stateRow(new State(aggregateType, aggregateId, state)));
        }
        values.put("id", aggregateId.toString());
        values.put("revision", revision);
        return new Row(this, state == null, Map.copyOf(values));
    }

    /** The statement's parameters for one state, without {@code id} and {@code revision}. */
    abstract Map<String, Object> stateRow(State state);

    final String upsert() {
        return upsert;
    }

    final String remove() {
        return remove;
    }

    final Checks checks() {
        return checks;
    }

    /**
     * The reads and the one invalidation by which the reconciler checks this projection (invariant I1).
     *
     * @param drifted    of the rows in {@code $rows}, returns the {@code id} of each the graph does not hold
     *                   equal (missing, another revision, other values)
     * @param nodesAfter returns {@code id} and {@code revision} of the aggregates the graph holds with an id after
     *                   {@code $after}, in id order, at most {@code $limit}
     * @param forget     lets the row of the same revision apply again to each {@code id} in {@code $rows} whose
     *                   node holds {@code revision} with other values (a replay would otherwise change nothing)
     */
    record Checks(String drifted, String nodesAfter, String forget) {
    }

    /** One change of one aggregate, as a projection applies it. */
    public record Row(GraphProjection projection, boolean removal, Map<String, Object> values) {
    }
}
