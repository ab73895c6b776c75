package org.kglab.api.graphql;

import graphql.ExecutionInput;
import io.micronaut.configuration.graphql.DefaultGraphQLExecutionInputCustomizer;
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
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
        GraphQLCaller.putExchange(input.getGraphQLContext(), GraphQLCaller.originOf(request), httpResponse);
        request.getUserPrincipal(Authentication.class)
                .map(Callers::fromAuthentication)
                .ifPresent(caller -> GraphQLCaller.put(input.getGraphQLContext(), caller));
        return Publishers.just(input);
    }
}
