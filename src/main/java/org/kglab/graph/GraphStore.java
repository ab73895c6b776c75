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
import java.util.UUID;

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
