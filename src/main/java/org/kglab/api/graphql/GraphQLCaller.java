package org.kglab.api.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.Caller;

/** Where a request's {@link Caller} lives during GraphQL execution: in the GraphQL context. */
final class GraphQLCaller {

    private GraphQLCaller() {
    }

    static void put(GraphQLContext context, Caller caller) {
        context.put(Caller.class, caller);
    }

    static @Nullable Caller find(GraphQLContext context) {
        return context.get(Caller.class);
    }

    /** The signed-in caller; fetchers of protected fields use this, never a default. */
    static Caller require(DataFetchingEnvironment env) {
        Caller caller = find(env.getGraphQlContext());
        if (caller == null) {
            throw new Unauthenticated(env.getField().getName());
        }
        return caller;
    }
}
