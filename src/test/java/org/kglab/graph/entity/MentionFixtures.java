package org.kglab.graph.entity;

import org.kglab.support.Eventually;
import org.kglab.support.Stores;

import java.util.List;
import java.util.Locale;

/**
 * Mentions as the graph keeps them, written with Cypher: nothing in the service writes them yet but extraction.
 * Chunks are anchored once sync has projected the document.
 */
public final class MentionFixtures {

    private MentionFixtures() {
    }

    /** The ids of the document's chunks in reading order, once the graph holds them all. */
    public static List<String> chunksInGraph(Stores stores, String documentId) {
        List<String> ids = stores.strings("SELECT id::text FROM chunks WHERE document_id = '" + documentId
                + "' ORDER BY ordinal");
        Eventually.await("the chunks of " + documentId + " in the graph", () -> stores.cypherCount(
                "MATCH (:Document {id: '" + documentId + "'})-[:HAS_CHUNK]->(c:Chunk) RETURN count(c)") == ids.size());
        return ids;
    }

    public static void mention(Stores stores, String entityId, String chunkId, int start, int end, double confidence) {
        stores.cypher(String.format(Locale.ROOT, "MATCH (e:Entity {id: '%s'}), (c:Chunk {id: '%s'}) "
                + "CREATE (e)-[:MENTIONED_IN {start: %d, end: %d, confidence: %s}]->(c)", entityId, chunkId, start, end,
                Double.toString(confidence)));
    }
}
