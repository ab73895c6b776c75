package org.kglab.api.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import org.jspecify.annotations.Nullable;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Caller;

/**
 * What GraphQL execution knows of the HTTP exchange, kept in the GraphQL context: the {@link Caller},
 * where the request came from (for rate limits and the audit trail) and the response (so that a
 * refusal can set its status).
 */
final class GraphQLCaller {

    private GraphQLCaller() {
    }


    static void put(GraphQLContext context, Caller caller) {
        context.put(Caller.class, caller);
    }

    /** The response is absent when the execution does not answer one HTTP request of its own. */
    static void putExchange(GraphQLContext context, Origin origin, @Nullable MutableHttpResponse<?> response) {
        context.put(Origin.class, origin);
        if (response != null) {
            context.put(MutableHttpResponse.class, response);
        }
    }

    /** The socket's peer: forwarded-for headers are not trusted unless a proxy is configured to set them. */
    static Origin originOf(HttpRequest<?> request) {
        return new Origin(request.getRemoteAddress().getAddress().getHostAddress(),
                request.getHeaders().get(HttpHeaders.USER_AGENT, String.class).orElse(""));
    }

    static Origin origin(DataFetchingEnvironment env) {
        Origin origin = env.getGraphQlContext().get(Origin.class);
        return origin == null ? new Origin("unknown", "") : origin;
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
