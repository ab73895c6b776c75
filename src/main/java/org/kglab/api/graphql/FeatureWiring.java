package org.kglab.api.graphql;

import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoaderRegistry;

/** One feature's share of the GraphQL schema: its fetchers, and the DataLoaders they batch through. */
interface FeatureWiring {

    void wire(RuntimeWiring.Builder wiring);

    /** Called once per request with that request's fresh registry. */
    default void registerLoaders(DataLoaderRegistry registry) {
    }
}
