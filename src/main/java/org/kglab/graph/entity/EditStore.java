package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Changes to one entity: update, delete (with its relationships and mentions) and merge. Each runs in one
 * Neo4j transaction that first checks, under the access rule, that the caller owns the entity; every change
 * bumps the revision, and every deletion leaves a tombstone in the same transaction.
 */
@Singleton
final class EditStore {

    private static final String UPDATE = """
            MATCH (e:Entity {id: $id}) WHERE e.ownerId = $owner
            SET e.type = $row.type, e.name = $row.name, e.normalisedName = $row.normalisedName,
                e.mergeKey = $row.mergeKey, e.aliases = $row.aliases, e.description = $row.description,
                e.properties = $row.properties, e.visibility = $row.visibility, e.contentHash = $row.hash,
                e.provUserId = $row.provUserId, e.provApiKeyId = $row.provApiKeyId,
                e.provPipelineVersion = $row.provPipelineVersion, e.provExtractor = $row.provExtractor,
                e.revision = e.revision + 1, e.updatedAt = $now
            RETURN e {.*} AS e
            """;

    private static final String DELETE = """
            MATCH (e:Entity {id: $id}) WHERE e.ownerId = $owner
            CREATE (:EntityTombstone {id: e.id, ownerId: e.ownerId, deletedAt: $now, revision: e.revision + 1})
            DETACH DELETE e
            """;

    /**
     * Moves the removed entity's relationships (one per type and other end: an existing one is kept) and its
     * mentions (each, with its offsets) to the kept one; those between the two would become loops and go.
     */
    private static final String MERGE = """
            MATCH (k:Entity {id: $keep}) WHERE k.ownerId = $owner
            MATCH (r:Entity {id: $remove}) WHERE r.ownerId = $owner
            CALL (k, r) {
                MATCH (r)-[old]->(o:Entity) WHERE o <> k AND o <> r
                MERGE (k)-[n:$(type(old))]->(o)
                ON CREATE SET n = properties(old), n.id = randomUUID(), n.createdAt = $now
                SET n.revision = coalesce(n.revision, 0) + 1, n.updatedAt = $now
            }
            CALL (k, r) {
                MATCH (o:Entity)-[old]->(r) WHERE o <> k AND o <> r
                MERGE (o)-[n:$(type(old))]->(k)
                ON CREATE SET n = properties(old), n.id = randomUUID(), n.createdAt = $now
                SET n.revision = coalesce(n.revision, 0) + 1, n.updatedAt = $now
            }
            CALL (k, r) {
                MATCH (r)-[m:MENTIONED_IN]->(c)
                CREATE (k)-[n:MENTIONED_IN]->(c)
                SET n = properties(m)
            }
            SET k.aliases = $aliases, k.contentHash = $hash, k.revision = k.revision + 1, k.updatedAt = $now
            CREATE (:EntityTombstone {id: r.id, ownerId: r.ownerId, deletedAt: $now, revision: r.revision + 1})
            DETACH DELETE r
            RETURN k {.*} AS e
            """;

    private final EntityTransactions transactions;
    private final EntityRows rows;

    EditStore(EntityTransactions transactions, EntityRows rows) {
        this.transactions = transactions;
        this.rows = rows;
    }

    /** @param change the new row of the entity as it is now (with its client key, or null) */
    Entity update(UUID owner, EntityId id, Instant now,
                  BiFunction<Entity, @Nullable String, Map<String, Object>> change) {
        return transactions.write(tx -> {
            Record current = owned(tx, owner, id);
            Entity entity = rows.entity(current.get("e"));
            Map<String, Object> row = change.apply(entity, current.get("e").get("clientKey").asString(null));
            Map<String, Object> params = Map.of("id", id.toString(), "owner", owner.toString(), "row", row,
                    "now", UpsertStore.utc(now));
            return rows.entity(tx.run(UPDATE, params).single().get("e"));
        });
    }

    void delete(UUID owner, EntityId id, Instant now) {
        transactions.write(tx -> {
            owned(tx, owner, id);
            return tx.run(DELETE, Map.of("id", id.toString(), "owner", owner.toString(), "now", UpsertStore.utc(now)))
                    .consume();
        });
    }

    /** @param merged the kept entity's new aliases and content hash, given both entities as they are */
    Entity merge(UUID owner, EntityId keep, EntityId remove, Instant now,
                 BiFunction<Entity, Entity, Map<String, Object>> merged) {
        return transactions.write(tx -> {
            Entity kept = rows.entity(owned(tx, owner, keep).get("e"));
            Entity removed = rows.entity(owned(tx, owner, remove).get("e"));
            Map<String, Object> change = merged.apply(kept, removed);
            Map<String, Object> params = Map.of("keep", keep.toString(), "remove", remove.toString(),
                    "owner", owner.toString(), "now", UpsertStore.utc(now),
                    "aliases", change.get("aliases"), "hash", change.get("hash"));
            return rows.entity(tx.run(MERGE, params).single().get("e"));
        });
    }

    /** The entity if the caller owns it; one they may see but not change is forbidden, one they cannot see absent. */
    private static Record owned(TransactionContext tx, UUID owner, EntityId id) {
        List<Record> found = tx.run(ReadStore.FIND, Map.of("id", id.toString(), "viewer", owner.toString())).list();
        if (found.isEmpty()) {
            throw new EntityNotFound("No entity " + id + ".");
        }
        if (!found.getFirst().get("e").get("ownerId").asString().equals(owner.toString())) {
            throw new NotEntityOwner("Entity " + id + " is someone else's; only its owner may change it.");
        }
        return found.getFirst();
    }
}
