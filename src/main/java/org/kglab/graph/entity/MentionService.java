package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mentions seen from either side, for many parents at once (the GraphQL loaders batch a page into one call): the
 * entities in chunks or documents, and where entities are mentioned. Only entities the caller may see appear.
 * Sites name documents by id only: the caller must still filter them by what PostgreSQL lets them see.
 */
@Singleton
public class MentionService {

    /** At most this many mentions of one chunk. */
    public static final int MAX_PER_CHUNK = 200;
    /** The largest {@code first} of a document's entities or an entity's mentions and documents. */
    public static final int MAX_FIRST = 100;
    /**
     * How many sites of one entity are read before the documents the caller may not see are dropped: twice the
     * largest {@code first}, so that a list is rarely cut short by hidden documents, and still bounded.
     */
    public static final int MAX_SITES = 2 * MAX_FIRST;

    private final MentionStore store;

    MentionService(MentionStore store) {
        this.store = store;
    }

    public Map<UUID, List<ChunkMention>> inChunks(Caller caller, Collection<UUID> chunkIds) {
        caller.require(Scope.READ);
        return store.ofChunks(caller.id().value(), chunkIds, MAX_PER_CHUNK);
    }

    /** The distinct visible entities mentioned in each document's chunks, most mentioned first. */
    public Map<UUID, List<Entity>> inDocuments(Caller caller, Collection<UUID> documentIds, int first) {
        caller.require(Scope.READ);
        EntityRules.first(first, MAX_FIRST);
        return store.ofDocuments(caller.id().value(), documentIds, first);
    }

    /** Where each visible entity is mentioned, newest document first, up to {@link #MAX_SITES} each. */
    public Map<UUID, List<MentionSite>> sites(Caller caller, Collection<EntityId> entityIds) {
        caller.require(Scope.READ);
        return store.sites(caller.id().value(), entityIds.stream().map(EntityId::value).toList(), MAX_SITES);
    }
}
