package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Batch upserts of entities and relationships: one Neo4j transaction and one {@code UNWIND} statement per batch.
 * A row whose content equals what the node holds (by content hash) changes nothing, not even the revision.
 */
@Singleton
final class UpsertStore {

    /** The merge key holds the owner: no upsert can ever reach another owner's entity. */
    private static final String UPSERT_ENTITIES = """
            UNWIND $rows AS row
            MERGE (e:Entity {mergeKey: row.mergeKey})
            ON CREATE SET e.id = row.id, e.ownerId = $owner, e.clientKey = row.key, e.createdAt = $now,
                          e.revision = 0
            WITH e, row, e.revision = 0 AS created
            CALL (e, row) {
                WITH e, row WHERE coalesce(e.contentHash, '') <> row.hash
                SET e.type = row.type, e.name = row.name, e.normalisedName = row.normalisedName,
                    e.aliases = row.aliases, e.description = row.description, e.properties = row.properties,
                    e.visibility = row.visibility, e.contentHash = row.hash, e.provUserId = row.provUserId,
                    e.provApiKeyId = row.provApiKeyId, e.provPipelineVersion = row.provPipelineVersion,
                    e.provExtractor = row.provExtractor, e.revision = e.revision + 1, e.updatedAt = $now
            }
            RETURN row.idx AS idx, e.id AS id, created
            """;

    /** Endpoints must be the owner's own entities; the first one that is not is named. */
    private static final String MISSING_ENDPOINT = """
            UNWIND $ids AS id
            OPTIONAL MATCH (e:Entity {id: id}) WHERE e.ownerId = $owner
            WITH id, e WHERE e IS NULL
            RETURN id LIMIT 1
            """;

    /** The relationship type is an allow-listed name (checked by {@link EntityRules}), passed as a parameter. */
    private static final String UPSERT_RELATIONSHIPS = """
            UNWIND $rows AS row
            MATCH (a:Entity {id: row.source}) WHERE a.ownerId = $owner
            MATCH (b:Entity {id: row.target}) WHERE b.ownerId = $owner
            MERGE (a)-[r:$(row.type)]->(b)
            ON CREATE SET r.id = row.id, r.ownerId = $owner, r.createdAt = $now, r.revision = 0
            WITH r, row, r.revision = 0 AS created
            CALL (r, row) {
                WITH r, row WHERE coalesce(r.contentHash, '') <> row.hash
                SET r.properties = row.properties, r.confidence = row.confidence, r.contentHash = row.hash,
                    r.provUserId = row.provUserId, r.provApiKeyId = row.provApiKeyId,
                    r.provPipelineVersion = row.provPipelineVersion, r.provExtractor = row.provExtractor,
                    r.revision = r.revision + 1, r.updatedAt = $now
            }
            RETURN row.idx AS idx, r.id AS id, created
            """;

    private final EntityTransactions transactions;

    UpsertStore(EntityTransactions transactions) {
        this.transactions = transactions;
    }

    /** @param rows one map per input, with {@code idx} its place in the batch */
    Upserted upsertEntities(UUID owner, List<Map<String, Object>> rows, Instant now) {
        Map<String, Object> params = Map.of("rows", rows, "owner", owner.toString(), "now", utc(now));
        return transactions.write(tx -> result(tx.run(UPSERT_ENTITIES, params).list()));
    }

    Upserted upsertRelationships(UUID owner, List<Map<String, Object>> rows, List<String> endpointIds, Instant now) {
        Map<String, Object> params = Map.of("rows", rows, "owner", owner.toString(), "now", utc(now));
        return transactions.write(tx -> {
            requireOwned(tx, owner, endpointIds);
            return result(tx.run(UPSERT_RELATIONSHIPS, params).list());
        });
    }

    private static void requireOwned(TransactionContext tx, UUID owner, List<String> ids) {
        List<Record> missing = tx.run(MISSING_ENDPOINT, Map.of("ids", ids, "owner", owner.toString())).list();
        if (!missing.isEmpty()) {
            throw new EntityNotFound("No entity " + missing.getFirst().get("id").asString()
                    + " of yours: relationships link your own entities only.");
        }
    }

    private static Upserted result(List<Record> records) {
        List<Record> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparingLong(r -> r.get("idx").asLong()));
        int created = (int) ordered.stream().filter(r -> r.get("created").asBoolean()).count();
        return new Upserted(ordered.stream().map(r -> UUID.fromString(r.get("id").asString())).toList(), created,
                ordered.size() - created);
    }

    static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
