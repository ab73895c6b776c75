package org.kglab.graph.entity;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.platform.paging.Cursors;
import org.kglab.platform.paging.Page;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The knowledge graph's door: entities and relationships written, read and traversed on behalf of a caller.
 * Writes go to the caller's own entity space and commit in Neo4j; reads and traversals see the caller's own
 * entities and public ones. Scopes: READ to read, WRITE to change, and INGEST suffices for upserts.
 */
@Singleton
public class EntityService {

    public static final int MAX_PAGE = 100;
    public static final int MAX_NEIGHBORS = 200;
    public static final int MAX_SUBGRAPH = 1_000;
    public static final int MAX_SEEDS = 100;

    private final WriteRows writeRows;
    private final UpsertStore upserts;
    private final EditStore edits;
    private final ReadStore reads;
    private final Traversals traversals;
    private final EntityRules rules;
    private final ApplicationEventPublisher<EntitiesChanged> changed;
    private final Clock clock;

    EntityService(WriteRows writeRows, UpsertStore upserts, EditStore edits, ReadStore reads, Traversals traversals,
                  EntityRules rules, ApplicationEventPublisher<EntitiesChanged> changed, Clock clock) {
        this.writeRows = writeRows;
        this.upserts = upserts;
        this.edits = edits;
        this.reads = reads;
        this.traversals = traversals;
        this.rules = rules;
        this.changed = changed;
        this.clock = clock;
    }

    public Upserted upsertEntities(Caller caller, List<EntityInput> inputs) {
        requireUpsert(caller);
        EntityRules.checkBatch(inputs.size(), "entities");
        UUID owner = caller.id().value();
        Upserted result = upserts.upsertEntities(owner, writeRows.entities(owner, inputs, provenance(caller)), now());
        publish(owner, result.ids().stream().map(EntityId::new).toList(), List.of());
        return result;
    }

    public Upserted upsertRelationships(Caller caller, List<RelationshipInput> inputs) {
        requireUpsert(caller);
        EntityRules.checkBatch(inputs.size(), "relationships");
        UUID owner = caller.id().value();
        List<String> endpoints = inputs.stream()
                .flatMap(r -> Stream.of(r.source().toString(), r.target().toString())).distinct().toList();
        return upserts.upsertRelationships(owner, writeRows.relationships(inputs, provenance(caller)), endpoints,
                now());
    }

    public Entity update(Caller caller, EntityId id, EntityPatch patch) {
        caller.require(Scope.WRITE);
        UUID owner = caller.id().value();
        Entity updated = edits.update(owner, id, now(),
                (current, clientKey) -> writeRows.patched(owner, current, clientKey, patch, provenance(caller)));
        publish(owner, List.of(id), List.of());
        return updated;
    }

    public void delete(Caller caller, EntityId id) {
        caller.require(Scope.WRITE);
        edits.delete(caller.id().value(), id, now());
        publish(caller.id().value(), List.of(), List.of(id));
    }

    /** Moves {@code remove}'s aliases, relationships and mentions to {@code keep}, and deletes {@code remove}. */
    public Entity merge(Caller caller, EntityId keep, EntityId remove) {
        caller.require(Scope.WRITE);
        if (keep.equals(remove)) {
            throw new InvalidEntityInput("An entity cannot be merged into itself.");
        }
        Entity kept = edits.merge(caller.id().value(), keep, remove, now(), writeRows::merged);
        publish(caller.id().value(), List.of(keep), List.of(remove));
        return kept;
    }

    public Entity get(Caller caller, EntityId id) {
        caller.require(Scope.READ);
        return reads.find(caller.id().value(), id).orElseThrow(() -> new EntityNotFound("No entity " + id + "."));
    }

    /** Newest first; with a {@code query}, best full-text matches of name and aliases first. */
    public Page<Entity> page(Caller caller, int first, @Nullable String after, @Nullable String type,
                             @Nullable String query) {
        caller.require(Scope.READ);
        EntityRules.first(first, MAX_PAGE);
        String checkedType = type == null ? null : rules.entityType(type);
        UUID viewer = caller.id().value();
        if (query != null) {
            String lucene = FullTextQuery.of(query);
            return reads.search(viewer, first, checkedType, lucene, after == null ? null
                    : ReadStore.ScoreAndId.parse(after).orElseThrow(EntityService::badCursor));
        }
        return reads.page(viewer, first, checkedType,
                after == null ? null : Cursors.timeAndId(after).orElseThrow(EntityService::badCursor));
    }

    public Page<Relationship> relationships(Caller caller, EntityId id, @Nullable List<String> types,
                                            Direction direction, int first, @Nullable String after) {
        caller.require(Scope.READ);
        EntityRules.first(first, MAX_PAGE);
        String afterId = after == null ? null : Cursors.string(after).orElseThrow(EntityService::badCursor);
        get(caller, id);
        return reads.relationships(caller.id().value(), id, rules.relationshipTypes(types), direction, first, afterId);
    }

    public List<Neighbor> neighbors(Caller caller, EntityId id, int depth, @Nullable List<String> types,
                                    Direction direction, int first) {
        caller.require(Scope.READ);
        bounded("depth", depth, 1, Traversals.MAX_NEIGHBOR_DEPTH);
        EntityRules.first(first, MAX_NEIGHBORS);
        return traversals.neighbors(caller.id().value(), id, depth, rules.relationshipTypes(types), direction, first);
    }

    /** The fewest steps from one entity to another through entities the caller may see, if there is such a path. */
    public Optional<EntityPath> shortestPath(Caller caller, EntityId from, EntityId to, int maxDepth,
                                             @Nullable List<String> types) {
        caller.require(Scope.READ);
        bounded("maxDepth", maxDepth, 1, TraversalStore.MAX_PATH_DEPTH);
        Entity start = get(caller, from);
        if (from.equals(to)) {
            return Optional.of(new EntityPath(List.of(start), List.of()));
        }
        get(caller, to);
        return traversals.shortestPath(caller.id().value(), from, to, maxDepth, rules.relationshipTypes(types));
    }

    public Subgraph subgraph(Caller caller, List<EntityId> seeds, int depth, int limit, @Nullable List<String> types) {
        caller.require(Scope.READ);
        bounded("depth", depth, 0, Traversals.MAX_SUBGRAPH_DEPTH);
        bounded("limit", limit, 1, MAX_SUBGRAPH);
        bounded("the number of seeds", seeds.size(), 1, MAX_SEEDS);
        return traversals.subgraph(caller.id().value(), seeds.stream().distinct().toList(), depth,
                rules.relationshipTypes(types), limit);
    }

    private static void bounded(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidEntityInput("'" + name + "' must be between " + min + " and " + max + ", got " + value
                    + ".");
        }
    }

    private static void requireUpsert(Caller caller) {
        if (!caller.scopes().contains(Scope.INGEST)) {
            caller.require(Scope.WRITE);
        }
    }

    private static Provenance provenance(Caller caller) {
        return Provenance.ofUser(caller.id().value(), caller.apiKeyId());
    }

    private static InvalidEntityInput badCursor() {
        return new InvalidEntityInput("'after' is not a cursor of this list; use an endCursor it returned.");
    }

    /** Neo4j keeps nanoseconds, cursors microseconds: truncating keeps every cursor exact. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void publish(UUID owner, List<EntityId> changedIds, List<EntityId> deleted) {
        changed.publishEvent(new EntitiesChanged(owner, changedIds, deleted));
    }
}
