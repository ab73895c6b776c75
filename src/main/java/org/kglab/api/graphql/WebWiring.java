package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoaderWithContext;
import org.kglab.documents.Document;
import org.kglab.documents.Visibility;
import org.kglab.identity.access.Caller;
import org.kglab.ingestion.DocumentSource;
import org.kglab.ingestion.IngestionService;
import org.kglab.ingestion.web.UrlIngestion;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Content from the web in GraphQL: {@code ingestUrl}, and where a document came from ({@code Document.source}). */
@Singleton
final class WebWiring implements FeatureWiring {

    static final String SOURCE_LOADER = "documentSource";

    private final UrlIngestion urls;
    private final IngestionService ingestion;

    WebWiring(UrlIngestion urls, IngestionService ingestion) {
        this.urls = urls;
        this.ingestion = ingestion;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type
                .dataFetcher("ingestUrl", env -> urls.ingestUrl(GraphQLCaller.require(env),
                        visibility(env), Arguments.required(env, "url")).document()));
        wiring.type("Document", type -> type.dataFetcher("source", this::source));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry) {
        DataLoader<UUID, DocumentSource> sources = DataLoaderFactory.newMappedDataLoader(
                (MappedBatchLoaderWithContext<UUID, DocumentSource>) (ids, environment) -> CompletableFuture
                        .completedFuture(load((Caller) environment.getKeyContextsList().getFirst(), ids)));
        registry.register(SOURCE_LOADER, sources);
    }

    private Map<UUID, DocumentSource> load(Caller caller, java.util.Set<UUID> ids) {
        return ingestion.sources(caller, ids).stream()
                .collect(Collectors.toMap(DocumentSource::documentId, Function.identity()));
    }

    private CompletableFuture<DocumentSource> source(DataFetchingEnvironment env) {
        DataLoader<UUID, DocumentSource> loader = java.util.Objects.requireNonNull(env.getDataLoader(SOURCE_LOADER),
                "the source loader is registered for every request");
        Document document = Arguments.source(env);
        return loader.load(document.id(), GraphQLCaller.require(env));
    }

    /** The schema's enum arrives as its name; absent means the schema's default. */
    static Visibility visibility(DataFetchingEnvironment env) {
        Object value = Arguments.optional(env, "visibility");
        return value == null ? Visibility.PRIVATE : Visibility.valueOf(value.toString());
    }
}
