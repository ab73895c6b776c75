package org.kglab.api.graphql;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.MappedBatchLoaderWithContext;
import org.kglab.identity.access.Caller;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * DataLoaders that load on behalf of the request's caller: fetchers pass the {@link Caller} as each key's context
 * ({@code loader.load(key, caller)}), and one batch, all of one request and so of one caller, is loaded with it.
 */
final class CallerLoaders {

    private CallerLoaders() {
    }

    static <K, V> DataLoader<K, V> mapped(BiFunction<Caller, Set<K>, Map<K, V>> load) {
        return DataLoaderFactory.newMappedDataLoader((MappedBatchLoaderWithContext<K, V>) (keys, environment) ->
                CompletableFuture.completedFuture(load.apply((Caller) environment.getKeyContextsList().getFirst(), keys)));
    }
}
