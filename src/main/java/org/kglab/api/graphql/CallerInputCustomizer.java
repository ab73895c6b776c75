package org.kglab.api.graphql;

import graphql.ExecutionInput;
import io.micronaut.configuration.graphql.DefaultGraphQLExecutionInputCustomizer;
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Callers;
import org.reactivestreams.Publisher;

/** Hands the caller that the security filter authenticated from the HTTP request to the GraphQL execution. */
@Singleton
@Replaces(DefaultGraphQLExecutionInputCustomizer.class)
final class CallerInputCustomizer implements GraphQLExecutionInputCustomizer {

    @Override
    public Publisher<ExecutionInput> customize(ExecutionInput input, HttpRequest httpRequest,
                                               @Nullable MutableHttpResponse<String> httpResponse) {
        HttpRequest<?> request = httpRequest;
        // The socket's peer: forwarded-for headers are not trusted unless a proxy is configured to set them.
        var origin = new Origin(request.getRemoteAddress().getAddress().getHostAddress(),
                request.getHeaders().get(HttpHeaders.USER_AGENT, String.class).orElse(""));
        GraphQLCaller.putExchange(input.getGraphQLContext(), origin, httpResponse);
        request.getUserPrincipal(Authentication.class)
                .map(Callers::fromAuthentication)
                .ifPresent(caller -> GraphQLCaller.put(input.getGraphQLContext(), caller));
        return Publishers.just(input);
    }
}
