package org.kglab.api.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import jakarta.inject.Singleton;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Caller;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Runs an operation received over a WebSocket as the connection's authenticated caller, with the same
 * schema, guards and limits as over HTTP. A query or mutation yields one result; a subscription one per
 * event of its stream.
 */
@Singleton
final class SocketExecutor {

    private final GraphQL graphQL;
    private final List<FeatureWiring> features;

    SocketExecutor(GraphQL graphQL, List<FeatureWiring> features) {
        this.graphQL = graphQL;
        this.features = features;
    }

    Flux<ExecutionResult> execute(GraphQLInvocationData data, Caller caller, Origin origin) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(data.getQuery())
                .operationName(data.getOperationName())
                .variables(data.getVariables())
                .dataLoaderRegistry(GraphQLFactory.loaders(features))
                .build();
        GraphQLCaller.put(input.getGraphQLContext(), caller);
        GraphQLCaller.putExchange(input.getGraphQLContext(), origin, null);
        return Mono.fromFuture(() -> graphQL.executeAsync(input))
                .flatMapMany(SocketExecutor::events);
    }

    private static Publisher<ExecutionResult> events(ExecutionResult result) {
        if (result.isDataPresent() && result.getData() instanceof Publisher<?> stream) {
            return Flux.from(stream).cast(ExecutionResult.class);
        }
        return Mono.just(result);
    }
}
