package org.kglab.graph;

import jakarta.inject.Singleton;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every Cypher statement of the service. All are parameterised and run in managed transactions,
 * which the driver retries on transient failures. Reads on behalf of a user always filter on the
 * owner (indexed) or public visibility; only the projections write by id alone.
 */
@Singleton
public final class GraphStore {

    /**
     * The access rule, the same as SQL's {@code visible_to}: the owner sees a node, and everyone sees a public one.
     * Every read on behalf of a viewer filters with it, on a node bound to {@code d}, with {@code $viewer} bound.
     */
    public static final String VISIBLE_TO_VIEWER = "(d.ownerId = $viewer OR d.visibility = 'PUBLIC')";

    private static final String FIND_VISIBLE_DOCUMENT = """
            MATCH (d:Document {id: $id})
            WHERE %s
            RETURN d.id AS id, d.version AS version, d.title AS title, d.mediaType AS mediaType,
                   d.sizeBytes AS sizeBytes, d.sha256 AS sha256, d.ownerId AS ownerId, d.visibility AS visibility,
                   d.createdAt AS createdAt
            """.formatted(VISIBLE_TO_VIEWER);

    private static final String PING = "RETURN 1 AS ok";

    /** Chunks that no document holds: left by a hand-made change, since a removal takes the chunks with it. */
    private static final String REMOVE_STRAY_CHUNKS = """
            MATCH (c:Chunk) WHERE NOT EXISTS { (:Document)-[:HAS_CHUNK]->(c) }
            WITH c LIMIT $limit
            DETACH DELETE c
            RETURN count(*) AS removed
            """;

    private final Driver driver;

    GraphStore(Driver driver) {
        this.driver = driver;
    }

    /**
     * Applies changes in one write transaction: stage after stage, and in each stage one {@code UNWIND} statement
     * per projection and kind (state or removal). A stage holds at most one change per aggregate, so the order of
     * statements within it does not matter; the stages keep each aggregate's order.
     *
     * @param timeout the longest the transaction may run before Neo4j ends it, applying nothing
     */
    public void project(List<List<GraphProjection.Row>> stages, Duration timeout) {
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
        write(config, tx -> {
            for (List<GraphProjection.Row> stage : stages) {
                Map<GraphProjection, Map<Boolean, List<Map<String, Object>>>> groups = new LinkedHashMap<>();
                for (GraphProjection.Row row : stage) {
                    groups.computeIfAbsent(row.projection(), p -> new LinkedHashMap<>())
                            .computeIfAbsent(row.removal(), r -> new ArrayList<>())
                            .add(row.values());
                }
                groups.forEach((projection, kinds) -> kinds.forEach((removal, rows) ->
                        tx.run(removal ? projection.remove() : projection.upsert(), Map.of("rows", rows)).consume()));
            }
            return null;
        });
    }

    /** The node if {@code viewer} owns it or it is public. */
    public Optional<DocumentNode> findDocument(UUID id, UUID viewer) {
        return read(tx -> tx.run(FIND_VISIBLE_DOCUMENT, Map.of("id", id.toString(), "viewer", viewer.toString()))
                .list().stream()
                .filter(GraphStore::isWhole)
                .findFirst()
                .map(GraphStore::toDocumentNode));
    }

    /** The ids of those {@code rows} the graph does not hold equal (missing, another revision, other values). */
    public Set<UUID> drifted(GraphProjection projection, List<GraphProjection.Row> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return read(tx -> tx.run(projection.checks().drifted(), Map.of("rows", values(rows))).list().stream()
                .map(r -> UUID.fromString(r.get("id").asString()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The aggregates of this projection the graph holds after {@code after}, in id order, with their revision. */
    public Map<UUID, Long> nodesAfter(GraphProjection projection, UUID after, int limit) {
        Map<UUID, Long> nodes = new LinkedHashMap<>();
        read(tx -> tx.run(projection.checks().nodesAfter(), Map.of("after", after.toString(), "limit", limit)).list())
                .forEach(r -> nodes.put(UUID.fromString(r.get("id").asString()), r.get("revision").asLong()));
        return nodes;
    }

    /** Lets each row apply again where the graph holds its revision with other values (see {@code Checks}). */
    public void forget(GraphProjection projection, List<GraphProjection.Row> rows) {
        if (!rows.isEmpty()) {
            write(tx -> tx.run(projection.checks().forget(), Map.of("rows", values(rows))).consume());
        }
    }

    /** Deletes up to {@code limit} chunks that no document holds; returns how many. */
    public long removeStrayChunks(int limit) {
        return write(tx -> tx.run(REMOVE_STRAY_CHUNKS, Map.of("limit", limit)).single().get("removed").asLong());
    }

    private static List<Map<String, Object>> values(List<GraphProjection.Row> rows) {
        return rows.stream().map(GraphProjection.Row::values).toList();
    }

    /** Round trip to the server; throws {@link GraphUnavailable} if it does not answer. */
    public void ping() {
        read(tx -> tx.run(PING).consume());
    }

    /** Runs each statement of a schema script; they must all be idempotent ({@code IF NOT EXISTS}). */
    void applySchema(Iterable<String> statements) {
        for (String statement : statements) {
            write(tx -> tx.run(statement).consume());
        }
    }

    /**
     * Reads are read-committed: a node deleted by a transaction that commits while this one reads it is
     * matched, yet its properties come back null. Such a node is gone, not malformed.
     */
    private static boolean isWhole(Record r) {
        return r.values().stream().noneMatch(Value::isNull);
    }

    private static DocumentNode toDocumentNode(Record r) {
        return new DocumentNode(UUID.fromString(r.get("id").asString()), r.get("version").asLong(),
                r.get("title").asString(), r.get("mediaType").asString(), r.get("sizeBytes").asLong(),
                r.get("sha256").asString(), UUID.fromString(r.get("ownerId").asString()), r.get("visibility").asString(),
                r.get("createdAt").asOffsetDateTime());
    }

    private <T> T write(TransactionCallback<T> work) {
        return write(TransactionConfig.empty(), work);
    }

    private <T> T write(TransactionConfig config, TransactionCallback<T> work) {
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeWrite(work, config);
        } catch (ServiceUnavailableException | SessionExpiredException | TransientException e) {
            throw new GraphUnavailable("Neo4j is unavailable: " + e.getMessage(), e);
        }
    }

    private <T> T read(TransactionCallback<T> work) {
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeRead(work);
        } catch (ServiceUnavailableException | SessionExpiredException | TransientException e) {
            throw new GraphUnavailable("Neo4j is unavailable: " + e.getMessage(), e);
        }
    }
}
