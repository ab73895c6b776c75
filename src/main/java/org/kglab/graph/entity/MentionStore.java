package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.kglab.graph.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Mentions read across many chunks, documents or entities in one query each, so that a page of parents costs one
 * round-trip: {@code UNWIND} the ids, then cut each one's list at {@code $limit}. Entities pass the access fragment.
 */
@Singleton
final class MentionStore {

    private static final String OF_CHUNKS = """
            UNWIND $ids AS key
            MATCH (d:Entity)-[m:MENTIONED_IN]->(:Chunk {id: key})
            WHERE %s
            WITH key, d, m ORDER BY m.start, m.end, d.id
            WITH key, collect({e: d {.*}, start: m.start, end: m.end, confidence: m.confidence})[..$limit] AS found
            RETURN key, found
            """.formatted(GraphStore.VISIBLE_TO_VIEWER);

    /** Most mentioned first, so that a short list names what the document is most about. */
    private static final String OF_DOCUMENTS = """
            UNWIND $ids AS key
            MATCH (:Document {id: key})-[:HAS_CHUNK]->(:Chunk)<-[:MENTIONED_IN]-(d:Entity)
            WHERE %s
            WITH key, d, count(*) AS mentions ORDER BY mentions DESC, d.name, d.id
            WITH key, collect(d {.*})[..$limit] AS found
            RETURN key, found
            """.formatted(GraphStore.VISIBLE_TO_VIEWER);

    private static final String SITES = """
            UNWIND $ids AS key
            MATCH (d:Entity {id: key})-[m:MENTIONED_IN]->(c:Chunk)<-[:HAS_CHUNK]-(doc:Document)
            WHERE %s
            WITH key, m, c, doc ORDER BY doc.createdAt DESC, doc.id, c.ordinal, m.start
            WITH key, collect({chunk: c.id, document: doc.id, start: m.start, end: m.end,
                               confidence: m.confidence})[..$limit] AS found
            RETURN key, found
            """.formatted(GraphStore.VISIBLE_TO_VIEWER);

    private final EntityTransactions transactions;
    private final EntityRows rows;
    private final Duration timeout;

    MentionStore(EntityTransactions transactions, EntityRows rows, TraversalProperties properties) {
        this.transactions = transactions;
        this.rows = rows;
        this.timeout = properties.traversalTimeout();
    }

    Map<UUID, List<ChunkMention>> ofChunks(UUID viewer, Collection<UUID> chunkIds, int limit) {
        return perKey(OF_CHUNKS, viewer, chunkIds, limit, v -> new ChunkMention(rows.entity(v.get("e")),
                v.get("start").asInt(), v.get("end").asInt(), v.get("confidence").asDouble(1.0)));
    }

    Map<UUID, List<Entity>> ofDocuments(UUID viewer, Collection<UUID> documentIds, int limit) {
        return perKey(OF_DOCUMENTS, viewer, documentIds, limit, rows::entity);
    }

    Map<UUID, List<MentionSite>> sites(UUID viewer, Collection<UUID> entityIds, int limit) {
        return perKey(SITES, viewer, entityIds, limit, v -> new MentionSite(UUID.fromString(v.get("chunk").asString()),
                UUID.fromString(v.get("document").asString()), v.get("start").asInt(), v.get("end").asInt(),
                v.get("confidence").asDouble(1.0)));
    }

    private <T> Map<UUID, List<T>> perKey(String cypher, UUID viewer, Collection<UUID> ids, int limit,
                                          Function<Value, T> row) {
        Map<UUID, List<T>> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> keys = ids.stream().distinct().map(UUID::toString).toList();
        List<Record> records = transactions.read(timeout, tx -> tx.run(cypher,
                Map.of("ids", keys, "viewer", viewer.toString(), "limit", limit)).list());
        for (Record record : records) {
            List<T> list = new ArrayList<>();
            record.get("found").values().forEach(v -> list.add(row.apply(v)));
            found.put(UUID.fromString(record.get("key").asString()), list);
        }
        return found;
    }
}
