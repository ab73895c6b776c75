package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentId;
import org.kglab.duplicates.NearDuplicate;
import org.kglab.duplicates.NearDuplicates;
import org.kglab.identity.access.Caller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** {@code Document.nearDuplicates}: the lists of a whole page of documents in one batch. */
@Singleton
final class NearDuplicateWiring implements FeatureWiring {

    static final String LOADER = "nearDuplicates";
    /** The list size when a query does not say; the schema states the same default. */
    static final int DEFAULT_FIRST = 10;

    private final NearDuplicates nearDuplicates;

    NearDuplicateWiring(NearDuplicates nearDuplicates) {
        this.nearDuplicates = nearDuplicates;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Document", type -> type.dataFetcher("nearDuplicates", this::nearDuplicates));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry) {
        registry.register(LOADER, CallerLoaders.mapped(this::load));
    }

    /** One query per distinct list size (usually one per request). */
    private Map<Key, List<NearDuplicate>> load(Caller caller, Set<Key> keys) {
        Map<Key, List<NearDuplicate>> loaded = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(Key::first)).forEach((first, group) -> {
            Map<DocumentId, List<NearDuplicate>> lists = nearDuplicates.of(caller,
                    group.stream().map(Key::id).toList(), first);
            group.forEach(key -> loaded.put(key, lists.getOrDefault(key.id(), List.of())));
        });
        return loaded;
    }

    private CompletableFuture<List<NearDuplicate>> nearDuplicates(DataFetchingEnvironment env) {
        Integer given = Arguments.optional(env, "first");
        int first = given == null ? DEFAULT_FIRST : given;
        if (first < 1 || first > NearDuplicates.MAX_LISTED) {
            throw new InvalidArgument("'first' of nearDuplicates must be between 1 and " + NearDuplicates.MAX_LISTED
                    + ", got " + first + ".");
        }
        Document source = Arguments.source(env);
        DataLoader<Key, List<NearDuplicate>> loader = Objects.requireNonNull(env.getDataLoader(LOADER),
                "the near-duplicate loader is registered for every request");
        return loader.load(new Key(source.documentId(), first), GraphQLCaller.require(env));
    }

    private record Key(DocumentId id, int first) {
    }
}
