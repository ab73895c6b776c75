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

    ChunkSetProjection() {
        super("document-chunks", REPLACE, REPLACE);
    }

    @Override
    Map<String, Object> stateRow(State state) {
        return Map.of("chunks", state.states("chunks").stream()
                .map(chunk -> Map.<String, Object>of("id", chunk.text("id"), "ordinal", chunk.number("ordinal")))
                .toList());
    }
}
