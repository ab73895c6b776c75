package org.kglab.graph;

import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Keeps a document's chunks as {@code (:Document)-[:HAS_CHUNK]->(:Chunk {id, ordinal})}, the anchors that entity
 * mentions hang from. A chunk set shares its document's id, so its changes apply after the document's node exists
 * and before its removal; a document not (or no longer) in the graph gets none.
 */
@Singleton
final class ChunkSetProjection extends GraphProjection {

    /**
     * Replaces the chunks only if this chunk version is newer than the one the document holds. A removal is a row
     * without chunks ({@code UNWIND null} yields nothing): the same statement leaves the document none.
     */
    private static final String REPLACE = """
            UNWIND $rows AS row
            MATCH (d:Document {id: row.id})
            WHERE coalesce(d.chunksVersion, 0) < row.revision
            SET d.chunksVersion = row.revision
            WITH d, row
            CALL (d) {
                MATCH (d)-[:HAS_CHUNK]->(old:Chunk)
                DETACH DELETE old
            }
            CALL (d, row) {
                UNWIND row.chunks AS chunk
                CREATE (d)-[:HAS_CHUNK]->(:Chunk {id: chunk.id, ordinal: chunk.ordinal})
            }
            """;

    /** Equal: the same chunk version, and the same chunks (id and ordinal), no more. */
    private static final String DRIFTED = """
            UNWIND $rows AS row
            OPTIONAL MATCH (d:Document {id: row.id})
            WITH row, d, [c IN row.chunks | c.id + '#' + toString(c.ordinal)] AS expected
            WITH row, d, expected,
                 CASE WHEN d IS NULL THEN [] ELSE [(d)-[:HAS_CHUNK]->(c:Chunk) | c.id + '#' + toString(c.ordinal)] END
                     AS actual
            WHERE d IS NULL OR coalesce(d.chunksVersion, 0) <> row.revision OR size(actual) <> size(expected)
               OR any(x IN expected WHERE NOT x IN actual)
            RETURN row.id AS id
            """;

    /** Only documents that hold chunks: a removed chunk set leaves its version behind on the document. */
    private static final String NODES_AFTER = """
            MATCH (d:Document) WHERE d.id > $after AND EXISTS { (d)-[:HAS_CHUNK]->(:Chunk) }
            RETURN d.id AS id, coalesce(d.chunksVersion, 0) AS revision
            ORDER BY d.id
            LIMIT $limit
            """;

    private static final String FORGET = """
            UNWIND $rows AS row
            MATCH (d:Document {id: row.id})
            WHERE d.chunksVersion = row.revision
            SET d.chunksVersion = 0
            """;

    ChunkSetProjection() {
        super("document-chunks", REPLACE, REPLACE, new Checks(DRIFTED, NODES_AFTER, FORGET));
    }

    @Override
    Map<String, Object> stateRow(State state) {
        return Map.of("chunks", state.states("chunks").stream()
                .map(chunk -> Map.<String, Object>of("id", chunk.text("id"), "ordinal", chunk.number("ordinal")))
                .toList());
    }
}
