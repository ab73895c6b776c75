package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.kglab.chunks.Chunk;
import org.kglab.chunks.ChunkService;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentId;
import org.kglab.documents.PageRequest;
import org.kglab.identity.access.Caller;
import org.kglab.platform.paging.Page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** {@code Document.chunks}: a page of each document's chunks, loaded for a whole page of documents at once. */
@Singleton
final class ChunkWiring implements FeatureWiring {

    static final String CHUNKS_LOADER = "documentChunks";

    private final ChunkService chunks;

    ChunkWiring(ChunkService chunks) {
        this.chunks = chunks;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Document", type -> type.dataFetcher("chunks", this::chunks));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry) {
        registry.register(CHUNKS_LOADER, CallerLoaders.mapped(this::load));
    }

    /** One query per distinct page request (usually one: a page of documents asks the same of each). */
    private Map<ChunkPage, Page<Chunk>> load(Caller caller, Set<ChunkPage> keys) {
        Map<ChunkPage, Page<Chunk>> loaded = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(ChunkPage::request)).forEach((request, group) -> {
            Map<DocumentId, Page<Chunk>> pages = chunks.pages(caller,
                    group.stream().map(ChunkPage::documentId).toList(), request);
            group.forEach(key -> {
                Page<Chunk> page = pages.get(key.documentId());
                if (page != null) {
                    loaded.put(key, page);
                }
            });
        });
        return loaded;
    }

    private CompletableFuture<Connection<Chunk>> chunks(DataFetchingEnvironment env) {
        Integer first = Arguments.optional(env, "first");
        var request = new PageRequest(first == null ? 20 : first, Arguments.optional(env, "after"));
        Document source = Arguments.source(env);
        DataLoader<ChunkPage, Page<Chunk>> loader = Objects.requireNonNull(env.getDataLoader(CHUNKS_LOADER),
                "registerLoaders registers the chunk loader for every request");
        return loader.load(new ChunkPage(source.documentId(), request), GraphQLCaller.require(env))
                .thenApply(page -> Connection.of(page == null ? EMPTY : page));
    }

    private static final Page<Chunk> EMPTY = new Page<>(List.of(), false, c -> "");

    /** Which page of which document's chunks: the key of the loader. */
    private record ChunkPage(DocumentId documentId, PageRequest request) {
    }
}
