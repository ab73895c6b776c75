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
import org.kglab.documents.DocumentText;
import org.kglab.documents.DocumentService;
import org.kglab.documents.PageRequest;
import org.kglab.identity.access.Caller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;

/** Documents in GraphQL: the queries, the delete mutation and the fields of {@code Document}. */
@Singleton
final class DocumentWiring implements FeatureWiring {

    static final String TEXT_LOADER = "documentText";
    /** Characters of text returned when a query does not say; the schema states the same default. */
    static final int TEXT_DEFAULT_LENGTH = 100_000;
    /** The most characters one {@code text} field returns; longer texts are read in parts. */
    static final int TEXT_MAX_LENGTH = 1_000_000;

    private final DocumentService documents;

    DocumentWiring(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("document", env -> documents.get(GraphQLCaller.require(env), DocumentId.parse(Arguments.required(env, "id"))))
                .dataFetcher("documents", this::documents));
        wiring.type("Mutation", type -> type
                .dataFetcher("deleteDocument", env -> {
                    documents.delete(GraphQLCaller.require(env), GraphQLCaller.origin(env),
                            DocumentId.parse(Arguments.required(env, "id")));
                    return true;
                }));
        wiring.type("Document", type -> type
                .dataFetcher("text", this::text)
                .dataFetcher("textLength", this::textLength));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry) {
        // The caller travels as each key's context: every key of one request has the same caller.
        DataLoader<TextSlice, DocumentText> texts = DataLoaderFactory.newMappedDataLoader(
                (MappedBatchLoaderWithContext<TextSlice, DocumentText>) (slices, environment) -> CompletableFuture
                        .completedFuture(loadTexts((Caller) environment.getKeyContextsList().getFirst(), slices)));
        registry.register(TEXT_LOADER, texts);
    }

    /** One query per distinct slice (usually one per request: a page asks the same of every document). */
    private Map<TextSlice, DocumentText> loadTexts(Caller caller, Set<TextSlice> slices) {
        Map<TextSlice, DocumentText> loaded = new HashMap<>();
        slices.stream().collect(Collectors.groupingBy(s -> List.of(s.offset(), s.maxLength()))).values()
                .forEach(group -> {
                    TextSlice first = group.getFirst();
                    Map<DocumentId, DocumentText> texts = documents.texts(caller,
                            group.stream().map(TextSlice::id).toList(), first.offset(), first.maxLength());
                    group.forEach(slice -> {
                        DocumentText text = texts.get(slice.id());
                        if (text != null) {
                            loaded.put(slice, text);
                        }
                    });
                });
        return loaded;
    }

    private Connection<Document> documents(DataFetchingEnvironment env) {
        Integer first = Arguments.optional(env, "first");
        return Connection.of(documents.page(GraphQLCaller.require(env),
                new PageRequest(first == null ? 20 : first, Arguments.optional(env, "after"))));
    }

    private CompletableFuture<String> text(DataFetchingEnvironment env) {
        int offset = env.getArgumentOrDefault("offset", 0);
        Integer maxLength = Arguments.optional(env, "maxLength");
        int length = maxLength == null ? TEXT_DEFAULT_LENGTH : maxLength;
        if (offset < 0) {
            throw new InvalidArgument("'offset' must not be negative, got " + offset + ".");
        }
        if (length < 0 || length > TEXT_MAX_LENGTH) {
            throw new InvalidArgument("'maxLength' must be between 0 and " + TEXT_MAX_LENGTH + ", got " + length
                    + ". Read a longer text in parts with text(offset:, maxLength:).");
        }
        return slice(env, offset, length).thenApply(text -> text == null ? "" : text.content());
    }

    private CompletableFuture<Integer> textLength(DataFetchingEnvironment env) {
        return slice(env, 0, 0).thenApply(text -> text == null ? 0 : text.length());
    }

    private static CompletableFuture<DocumentText> slice(DataFetchingEnvironment env, int offset, int maxLength) {
        DataLoader<TextSlice, DocumentText> loader = Objects.requireNonNull(env.getDataLoader(TEXT_LOADER),
                "registerLoaders registers the text loader for every request");
        Document source = Arguments.source(env);
        return loader.load(new TextSlice(source.documentId(), offset, maxLength), GraphQLCaller.require(env));
    }

    /** Which characters of which document's text: the key of the text loader. */
    private record TextSlice(DocumentId id, int offset, int maxLength) {
    }
}
