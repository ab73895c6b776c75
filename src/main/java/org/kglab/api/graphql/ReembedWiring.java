package org.kglab.api.graphql;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.ingestion.Reembedding;

/** Re-embedding in GraphQL: its status and the mutation that starts it. The service checks the admin role. */
@Singleton
final class ReembedWiring implements FeatureWiring {

    private final Reembedding reembedding;

    ReembedWiring(Reembedding reembedding) {
        this.reembedding = reembedding;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("embeddingStatus", env -> reembedding.status(GraphQLCaller.require(env))));
        wiring.type("Mutation", type -> type
                .dataFetcher("reembedDocuments", env -> reembedding.start(GraphQLCaller.require(env))));
        wiring.type("EmbeddingStatus", type -> type
                .dataFetcher("documentsAwaitingReembedding", env -> (int) Math.min(Integer.MAX_VALUE,
                        Arguments.<Reembedding.Status>source(env).documentsWaiting())));
    }
}
