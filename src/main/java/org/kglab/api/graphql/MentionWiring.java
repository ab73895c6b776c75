package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.kglab.chunks.Chunk;
import org.kglab.documents.Document;
import org.kglab.graph.entity.ChunkMention;
import org.kglab.graph.entity.Entity;
import org.kglab.graph.entity.EntityId;
import org.kglab.graph.entity.MentionService;
import org.kglab.identity.access.Caller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The fields that cross the two stores: {@code Chunk.mentions} and {@code Document.entities} (the graph alone), and
 * {@code Entity.mentions} and {@code Entity.documents} (the graph, then PostgreSQL for the chunks and documents the
 * caller may see). Each is a request-scoped loader, so a page of parents costs one query per store and level.
 */
@Singleton
final class MentionWiring implements FeatureWiring {

    static final String CHUNK_MENTIONS = "chunkMentions";
    static final String DOCUMENT_ENTITIES = "documentEntities";
    static final String ENTITY_SITES = "entitySites";

    private final MentionService mentions;
    private final CitationLoader citations;

    MentionWiring(MentionService mentions, CitationLoader citations) {
        this.mentions = mentions;
        this.citations = citations;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Chunk", type -> type.dataFetcher("mentions", this::chunkMentions));
        wiring.type("Document", type -> type.dataFetcher("entities", this::documentEntities));
        wiring.type("Entity", type -> type
                .dataFetcher("mentions", env -> sites(env).thenApply(c -> c.mentions(first(env, 20))))
                .dataFetcher("documents", env -> sites(env).thenApply(c -> c.documents(first(env, 20)))));
        wiring.type("EntityMention", type -> type
                .dataFetcher("chunk", env -> Arguments.<CitationLoader.EntityMention>source(env).chunk())
                .dataFetcher("document", env -> Arguments.<CitationLoader.EntityMention>source(env).document()));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry) {
        registry.register(CHUNK_MENTIONS, CallerLoaders.<UUID, List<ChunkMention>>mapped(mentions::inChunks));
        registry.register(DOCUMENT_ENTITIES, CallerLoaders.mapped(this::loadDocumentEntities));
        registry.register(ENTITY_SITES, CallerLoaders.mapped(citations::load));
    }

    /** One query per distinct {@code first} (usually one per request). */
    private Map<DocumentKey, List<Entity>> loadDocumentEntities(Caller caller, Set<DocumentKey> keys) {
        Map<DocumentKey, List<Entity>> loaded = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(DocumentKey::first)).forEach((first, group) -> {
            Map<UUID, List<Entity>> lists = mentions.inDocuments(caller,
                    group.stream().map(DocumentKey::id).toList(), first);
            group.forEach(key -> loaded.put(key, lists.getOrDefault(key.id(), List.of())));
        });
        return loaded;
    }

    private CompletableFuture<List<ChunkMention>> chunkMentions(DataFetchingEnvironment env) {
        Chunk source = Arguments.source(env);
        return this.<UUID, List<ChunkMention>>loader(env, CHUNK_MENTIONS)
                .load(source.id(), GraphQLCaller.require(env)).thenApply(list -> list == null ? List.of() : list);
    }

    private CompletableFuture<List<Entity>> documentEntities(DataFetchingEnvironment env) {
        Document source = Arguments.source(env);
        int first = first(env, 50);
        return this.<DocumentKey, List<Entity>>loader(env, DOCUMENT_ENTITIES)
                .load(new DocumentKey(source.documentId().value(), first), GraphQLCaller.require(env));
    }

    /** Mentions and documents of an entity share one loader: both are read from the same sites. */
    private CompletableFuture<CitationLoader.Citations> sites(DataFetchingEnvironment env) {
        Entity source = Arguments.source(env);
        return this.<EntityId, CitationLoader.Citations>loader(env, ENTITY_SITES)
                .load(source.id(), GraphQLCaller.require(env))
                .thenApply(c -> c == null ? CitationLoader.Citations.NONE : c);
    }

    private static int first(DataFetchingEnvironment env, int defaultFirst) {
        Integer given = Arguments.optional(env, "first");
        int first = given == null ? defaultFirst : given;
        if (first < 1 || first > MentionService.MAX_FIRST) {
            throw new InvalidArgument("'first' of " + env.getField().getName() + " must be between 1 and "
                    + MentionService.MAX_FIRST + ", got " + first + ".");
        }
        return first;
    }

    private <K, V> DataLoader<K, V> loader(DataFetchingEnvironment env, String name) {
        return Objects.requireNonNull(env.getDataLoader(name), "MentionWiring registers its loaders for every request");
    }

    private record DocumentKey(UUID id, int first) {
    }
}
