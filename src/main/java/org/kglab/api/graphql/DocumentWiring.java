package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoaderWithContext;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentId;
import org.kglab.documents.DocumentPage;
import org.kglab.documents.DocumentService;
import org.kglab.documents.PageRequest;
import org.kglab.identity.Caller;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Documents in GraphQL: the queries, the delete mutation and the fields of {@code Document}. */
@Singleton
final class DocumentWiring implements FeatureWiring {

    static final String TEXT_LOADER = "documentText";

    private final DocumentService documents;

    DocumentWiring(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("document", env -> documents.get(GraphQLCaller.require(env), DocumentId.parse(env.getArgument("id"))))
                .dataFetcher("documents", this::documents));
        wiring.type("Mutation", type -> type
                .dataFetcher("deleteDocument", env -> {
                    documents.delete(GraphQLCaller.require(env), GraphQLCaller.origin(env),
                            DocumentId.parse(env.getArgument("id")));
                    return true;
                }));
        wiring.type("Document", type -> type
                .dataFetcher("createdAt", env -> env.<Document>getSource().createdAt().atOffset(ZoneOffset.UTC))
                .dataFetcher("text", this::text));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry) {
        // The caller travels as each key's context: every key of one request has the same caller.
        DataLoader<DocumentId, String> texts = DataLoaderFactory.newMappedDataLoader(
                (MappedBatchLoaderWithContext<DocumentId, String>) (ids, environment) -> CompletableFuture.completedFuture(
                        documents.texts((Caller) environment.getKeyContextsList().getFirst(), ids)));
        registry.register(TEXT_LOADER, texts);
    }

    private Connection<Document> documents(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        DocumentPage page = documents.page(GraphQLCaller.require(env),
                new PageRequest(first == null ? 20 : first, env.getArgument("after")));
        List<Connection.Edge<Document>> edges = page.entries().stream()
                .map(e -> new Connection.Edge<>(e.cursor(), e.document())).toList();
        return new Connection<>(edges, new Connection.PageInfo(page.hasNextPage(), page.endCursor()));
    }

    private CompletableFuture<String> text(DataFetchingEnvironment env) {
        Integer maxLength = env.getArgument("maxLength");
        if (maxLength != null && maxLength < 0) {
            throw new InvalidArgument("'maxLength' must not be negative, got " + maxLength + ".");
        }
        DataLoader<DocumentId, String> loader = env.getDataLoader(TEXT_LOADER);
        Document source = env.getSource();
        return loader.load(source.documentId(), GraphQLCaller.require(env))
                .thenApply(text -> truncate(text == null ? "" : text, maxLength));
    }

    private static String truncate(String text, Integer maxLength) {
        if (maxLength == null || text.length() <= maxLength) {
            return text;
        }
        // Never cut a surrogate pair in half.
        int end = maxLength > 0 && Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }
}
