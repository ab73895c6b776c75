package org.kglab.graph;

import jakarta.inject.Singleton;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every Cypher statement of the service. All are parameterised and run in managed transactions,
 * which the driver retries on transient failures. Reads on behalf of a user always filter on the
 * owner (indexed) or public visibility; only the projection writes by id alone.
 */
@Singleton
public final class GraphStore {

    /** Applies a document version only if it is newer than the node's, so that replays change nothing. */
    private static final String UPSERT_DOCUMENT = """
            MERGE (d:Document {id: $id})
            WITH d WHERE coalesce(d.version, 0) < $version
            SET d.version = $version, d.title = $title, d.mediaType = $mediaType,
                d.sizeBytes = $sizeBytes, d.sha256 = $sha256, d.ownerId = $ownerId, d.visibility = $visibility,
                d.createdAt = $createdAt
            RETURN count(d) AS applied
            """;

    /** The document goes with its chunks. */
    private static final String DELETE_DOCUMENT = """
            MATCH (d:Document {id: $id})
            WHERE d.version < $version
            CALL (d) {
                MATCH (d)-[:HAS_CHUNK]->(c:Chunk)
                DETACH DELETE c
            }
            DETACH DELETE d
            """;

    /**
     * Replaces a document's chunk nodes in one transaction, only if this chunk version is newer than the one the
     * node holds, so that a replay changes nothing. A document not (or no longer) in the graph gets none.
     */
    private static final String REPLACE_CHUNKS = """
            MATCH (d:Document {id: $id})
            WHERE coalesce(d.chunksVersion, 0) < $version
            SET d.chunksVersion = $version
            WITH d
            CALL (d) {
                MATCH (d)-[:HAS_CHUNK]->(old:Chunk)
                DETACH DELETE old
            }
            CALL (d) {
                UNWIND $chunks AS chunk
                CREATE (d)-[:HAS_CHUNK]->(:Chunk {id: chunk.id, ordinal: chunk.ordinal})
            }
            RETURN count(d) AS applied
            """;

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

    /** @return true if this version was applied, false if the node already had it or a newer one */
    public boolean upsertDocument(DocumentNode node) {
        Map<String, Object> params = Map.of(
                "id", node.id().toString(),
                "version", node.version(),
                "title", node.title(),
                "mediaType", node.mediaType(),
                "sizeBytes", node.sizeBytes(),
                "sha256", node.sha256(),
                "ownerId", node.ownerId().toString(),
                "visibility", node.visibility(),
                "createdAt", node.createdAt().withOffsetSameInstant(ZoneOffset.UTC));
        return write(tx -> tx.run(UPSERT_DOCUMENT, params).single().get("applied").asLong() > 0);
    }

    /** Removes the node unless it already holds a version at or past the deletion. */
    public void deleteDocument(UUID id, long version) {
        write(tx -> tx.run(DELETE_DOCUMENT, Map.of("id", id.toString(), "version", version)).consume());
    }

    /** @return true if this chunk version was applied, false if the graph had it, a newer one, or no document */
    public boolean replaceChunks(UUID documentId, long version, List<ChunkNode> chunks) {
        List<Map<String, Object>> rows = chunks.stream()
                .map(c -> Map.<String, Object>of("id", c.id().toString(), "ordinal", c.ordinal()))
                .toList();
        Map<String, Object> params = Map.of("id", documentId.toString(), "version", version, "chunks", rows);
        return write(tx -> tx.run(REPLACE_CHUNKS, params).single().get("applied").asLong() > 0);
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
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeWrite(work);
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
