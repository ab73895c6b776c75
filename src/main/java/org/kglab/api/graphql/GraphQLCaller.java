package org.kglab.api.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.http.MutableHttpResponse;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.Caller;

/**
 * What GraphQL execution knows of the HTTP exchange, kept in the GraphQL context: the {@link Caller},
 * the client's address (for rate limits) and the response (so that a refusal can set its status).
 */
final class GraphQLCaller {

    private GraphQLCaller() {
    }

    private static final String CLIENT = "kglab.clientAddress";

    static void put(GraphQLContext context, Caller caller) {
        context.put(Caller.class, caller);
    }

    static void putExchange(GraphQLContext context, String clientAddress, MutableHttpResponse<?> response) {
        context.put(CLIENT, clientAddress);
        context.put(MutableHttpResponse.class, response);
    }

    static String clientAddress(DataFetchingEnvironment env) {
        String client = env.getGraphQlContext().get(CLIENT);
        return client == null ? "unknown" : client;
    }

    static @Nullable MutableHttpResponse<?> response(GraphQLContext context) {
        return context.get(MutableHttpResponse.class);
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
