package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.kglab.graph.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Traversals, bounded three ways: in depth (a fixed number of steps), in fan-out (at most {@code maxFanOut}
 * relationships followed from any one entity per step) and in time (the read transaction's timeout). Every
 * entity a step reaches must pass the access fragment, so no traversal passes through an entity the viewer
 * cannot see; relationships of the graph's own structure (mentions, chunks) are never followed.
 */
@Singleton
final class TraversalStore {

    private static final String VISIBLE_SEEDS = """
            MATCH (d:Entity) WHERE d.id IN $ids AND %s
            RETURN d {.*} AS e
            """.formatted(GraphStore.VISIBLE_TO_VIEWER);

    /** One breadth-first step from a frontier of visible entities. */
    private static final String STEP = """
            UNWIND $frontier AS sid
            MATCH (s:Entity {id: sid})
            CALL (s) {
                MATCH (s)%2$s(d:Entity)
                WHERE type(r) IN $types AND %1$s
                RETURN r, d
                LIMIT $fanOut
            }
            RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS r, d {.*} AS e
            """;

    private static final Map<Direction, String> STEP_BY_DIRECTION = Map.of(
            Direction.OUTGOING, STEP.formatted(GraphStore.VISIBLE_TO_VIEWER, "-[r]->"),
            Direction.INCOMING, STEP.formatted(GraphStore.VISIBLE_TO_VIEWER, "<-[r]-"),
            Direction.BOTH, STEP.formatted(GraphStore.VISIBLE_TO_VIEWER, "-[r]-"));

    /**
     * The search checks every entity on a candidate path, the ends included, with the access fragment as it
     * expands, so a path through an entity the viewer cannot see is never found. The bound is a literal, one
     * statement per allowed depth.
     */
    private static final String SHORTEST = """
            MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
            WHERE all(d IN [a, b] WHERE %1$s)
            MATCH p = shortestPath((a)-[*..%2$d]-(b))
            WHERE all(d IN nodes(p) WHERE d:Entity AND %1$s) AND all(r IN relationships(p) WHERE type(r) IN $types)
            RETURN [d IN nodes(p) | d {.*}] AS entities,
                   [r IN relationships(p) | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS rels
            """;

    static final int MAX_PATH_DEPTH = 6;

    private static final List<String> SHORTEST_BY_DEPTH = IntStream.rangeClosed(0, MAX_PATH_DEPTH)
            .mapToObj(depth -> SHORTEST.formatted(GraphStore.VISIBLE_TO_VIEWER, Math.max(depth, 1)))
            .toList();

    private final EntityTransactions transactions;
    private final EntityRows rows;
    private final Duration timeout;
    private final int fanOut;

    TraversalStore(EntityTransactions transactions, EntityRows rows, TraversalProperties properties) {
        this.transactions = transactions;
        this.rows = rows;
        this.timeout = properties.traversalTimeout();
        this.fanOut = properties.maxFanOut();
    }

    /** Runs a whole traversal in one read transaction, so the time limit bounds all of its steps together. */
    <T> T traverse(java.util.function.Function<Steps, T> traversal) {
        return transactions.read(timeout, tx -> traversal.apply(new Steps(tx)));
    }

    Optional<EntityPath> shortestPath(UUID viewer, EntityId from, EntityId to, int maxDepth, List<String> types) {
        Map<String, Object> params = Map.of("viewer", viewer.toString(), "from", from.toString(),
                "to", to.toString(), "types", types);
        return transactions.read(timeout, tx -> tx.run(SHORTEST_BY_DEPTH.get(maxDepth), params).list()).stream()
                .findFirst()
                .map(r -> new EntityPath(r.get("entities").asList(rows::entity), r.get("rels").asList(rows::relationship)));
    }

    /** The steps of one traversal, inside its transaction. */
    final class Steps {

        private final TransactionContext tx;

        private Steps(TransactionContext tx) {
            this.tx = tx;
        }

        List<Entity> visibleSeeds(UUID viewer, List<String> ids) {
            return tx.run(VISIBLE_SEEDS, Map.of("ids", ids, "viewer", viewer.toString())).list().stream()
                    .map(r -> rows.entity(r.get("e"))).toList();
        }

        /** The relationships followed from the frontier, each with the entity it leads to. */
        List<Hop> step(UUID viewer, List<String> frontier, List<String> types, Direction direction) {
            Map<String, Object> params = Map.of("viewer", viewer.toString(), "frontier", frontier, "types", types,
                    "fanOut", fanOut);
            List<Record> found = tx.run(STEP_BY_DIRECTION.get(direction), params).list();
            return found.stream().map(r -> new Hop(rows.relationship(r.get("r")), rows.entity(r.get("e")))).toList();
        }
    }

    record Hop(Relationship relationship, Entity reached) {
    }
}
