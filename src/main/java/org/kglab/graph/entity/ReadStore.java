package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.graph.GraphStore;
import org.kglab.platform.paging.Cursors;
import org.kglab.platform.paging.Page;
import org.neo4j.driver.Record;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of entities and their relationships on behalf of a viewer, each filtered with the graph's access
 * fragment, paged by keyset: entities newest first, search hits by score, relationships by id.
 */
@Singleton
final class ReadStore {

    /** One entity by id, if the viewer may see it; also how a write finds what it may change. */
    static final String FIND = """
            MATCH (d:Entity {id: $id})
            WHERE %s
            RETURN d {.*} AS e
            """.formatted(GraphStore.VISIBLE_TO_VIEWER);

    private static final String PAGE = """
            MATCH (d:Entity)
            WHERE %s AND ($type IS NULL OR d.type = $type)
              AND ($afterAt IS NULL OR d.createdAt < $afterAt OR (d.createdAt = $afterAt AND d.id > $afterId))
            RETURN d {.*} AS e
            ORDER BY d.createdAt DESC, d.id
            LIMIT $limit
            """.formatted(GraphStore.VISIBLE_TO_VIEWER);

    /** Hits come best first; the keyset is (score, id) of the last hit seen. */
    private static final String SEARCH = """
            CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS d, score
            WHERE %s AND ($type IS NULL OR d.type = $type)
              AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND d.id > $afterId))
            RETURN d {.*} AS e, score
            ORDER BY score DESC, d.id
            LIMIT $limit
            """.formatted(GraphStore.VISIBLE_TO_VIEWER);

    /** A relationship is visible when both of its ends are. */
    private static final String RELATIONSHIPS = """
            MATCH (d:Entity {id: $id}) WHERE %1$s
            WITH d AS s
            MATCH (s)%2$s(d:Entity)
            WHERE %1$s AND type(r) IN $types AND ($after IS NULL OR r.id > $after)
            RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS r
            ORDER BY r.id
            LIMIT $limit
            """;

    private static final Map<Direction, String> RELATIONSHIPS_BY_DIRECTION = Map.of(
            Direction.OUTGOING, RELATIONSHIPS.formatted(GraphStore.VISIBLE_TO_VIEWER, "-[r]->"),
            Direction.INCOMING, RELATIONSHIPS.formatted(GraphStore.VISIBLE_TO_VIEWER, "<-[r]-"),
            Direction.BOTH, RELATIONSHIPS.formatted(GraphStore.VISIBLE_TO_VIEWER, "-[r]-"));

    private final EntityTransactions transactions;
    private final EntityRows rows;
    private final Duration timeout;

    ReadStore(EntityTransactions transactions, EntityRows rows, TraversalProperties properties) {
        this.transactions = transactions;
        this.rows = rows;
        this.timeout = properties.traversalTimeout();
    }

    Optional<Entity> find(UUID viewer, EntityId id) {
        return transactions.read(timeout, tx -> tx.run(FIND, Map.of("id", id.toString(), "viewer", viewer.toString()))
                .list().stream().findFirst().map(r -> rows.entity(r.get("e"))));
    }

    Page<Entity> page(UUID viewer, int first, @Nullable String type, Cursors.@Nullable TimeAndId after) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("viewer", viewer.toString());
        params.put("type", type);
        params.put("afterAt", after == null ? null : UpsertStore.utc(after.at()));
        params.put("afterId", after == null ? null : after.id().toString());
        params.put("limit", first + 1);
        List<Entity> found = transactions.read(timeout, tx -> tx.run(PAGE, nonNull(params)).list()).stream()
                .map(r -> rows.entity(r.get("e"))).toList();
        return Page.of(found, first, e -> Cursors.encode(e.createdAt(), e.id().value()));
    }

    Page<Entity> search(UUID viewer, int first, @Nullable String type, String luceneQuery,
                        @Nullable ScoreAndId after) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("viewer", viewer.toString());
        params.put("type", type);
        params.put("query", luceneQuery);
        params.put("afterScore", after == null ? null : after.score());
        params.put("afterId", after == null ? null : after.id());
        params.put("limit", first + 1);
        List<Record> found = transactions.read(timeout, tx -> tx.run(SEARCH, nonNull(params)).list());
        Map<EntityId, Double> scores = new HashMap<>();
        List<Entity> entities = found.stream().map(r -> {
            Entity entity = rows.entity(r.get("e"));
            scores.put(entity.id(), r.get("score").asDouble());
            return entity;
        }).toList();
        return Page.of(entities, first,
                e -> new ScoreAndId(scores.getOrDefault(e.id(), 0.0), e.id().toString()).cursor());
    }

    Page<Relationship> relationships(UUID viewer, EntityId id, List<String> types, Direction direction, int first,
                                     @Nullable String after) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("viewer", viewer.toString());
        params.put("id", id.toString());
        params.put("types", types);
        params.put("after", after);
        params.put("limit", first + 1);
        String cypher = RELATIONSHIPS_BY_DIRECTION.get(direction);
        List<Relationship> found = transactions.read(timeout, tx -> tx.run(cypher, nonNull(params)).list()).stream()
                .map(r -> rows.relationship(r.get("r"))).toList();
        return Page.of(found, first, r -> Cursors.encode(r.id().toString()));
    }

    /** The driver takes null parameter values (they become Cypher null); its signature just does not say so. */
    @SuppressWarnings("NullAway")
    static Map<String, Object> nonNull(Map<String, @Nullable Object> params) {
        return (Map<String, Object>) (Map<String, ?>) params;
    }

    /** The position of a search hit: its score, then its id to break ties. */
    record ScoreAndId(double score, String id) {

        String cursor() {
            return Cursors.encode(Double.toString(score) + "/" + id);
        }

        static Optional<ScoreAndId> parse(String cursor) {
            return Cursors.string(cursor).flatMap(text -> {
                int slash = text.indexOf('/');
                try {
                    return slash < 0 ? Optional.empty() : Optional.of(new ScoreAndId(
                            Double.parseDouble(text.substring(0, slash)), EntityId.parse(text.substring(slash + 1))
                            .toString()));
                } catch (NumberFormatException | InvalidEntityInput e) {
                    return Optional.empty();
                }
            });
        }
    }
}
