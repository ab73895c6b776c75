package org.kglab.graph;

import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Keeps each document as a {@code :Document} node with the owner and visibility every read filters on. A removal
 * takes the document's chunks with it.
 */
@Singleton
final class DocumentProjection extends GraphProjection {

    /** Applies a version only if it is newer than the node's, so that replays change nothing. */
    private static final String UPSERT = """
            UNWIND $rows AS row
            MERGE (d:Document {id: row.id})
            WITH d, row WHERE coalesce(d.version, 0) < row.revision
            SET d.version = row.revision, d.title = row.title, d.mediaType = row.mediaType,
                d.sizeBytes = row.sizeBytes, d.sha256 = row.sha256, d.ownerId = row.ownerId,
                d.visibility = row.visibility, d.createdAt = row.createdAt
            """;

    /** Removes the node and its chunks unless it already holds a version at or past the removal. */
    private static final String REMOVE = """
            UNWIND $rows AS row
            MATCH (d:Document {id: row.id})
            WHERE coalesce(d.version, 0) < row.revision
            CALL (d) {
                MATCH (d)-[:HAS_CHUNK]->(c:Chunk)
                DETACH DELETE c
            }
            DETACH DELETE d
            """;

    /** A missing node's properties are null, so it is not equal either. */
    private static final String DRIFTED = """
            UNWIND $rows AS row
            OPTIONAL MATCH (d:Document {id: row.id})
            WITH row, d
            WHERE NOT coalesce(d.version = row.revision AND d.title = row.title AND d.mediaType = row.mediaType
                AND d.sizeBytes = row.sizeBytes AND d.sha256 = row.sha256 AND d.ownerId = row.ownerId
                AND d.visibility = row.visibility AND d.createdAt = row.createdAt, false)
            RETURN row.id AS id
            """;

    private static final String NODES_AFTER = """
            MATCH (d:Document) WHERE d.id > $after
            RETURN d.id AS id, coalesce(d.version, 0) AS revision
            ORDER BY d.id
            LIMIT $limit
            """;

    private static final String FORGET = """
            UNWIND $rows AS row
            MATCH (d:Document {id: row.id})
            WHERE d.version = row.revision
            SET d.version = 0
            """;

    DocumentProjection() {
        super("document", UPSERT, REMOVE, new Checks(DRIFTED, NODES_AFTER, FORGET));
    }

    @Override
    Map<String, Object> stateRow(State state) {
        return Map.of(
                "title", state.text("title"),
                "mediaType", state.text("mediaType"),
                "sizeBytes", state.number("sizeBytes"),
                "sha256", state.text("sha256"),
                "ownerId", state.text("ownerId"),
                "visibility", state.text("visibility"),
                "createdAt", state.dateTime("createdAt"));
    }
}
