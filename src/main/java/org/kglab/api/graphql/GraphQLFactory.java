package org.kglab.api.graphql;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.runtime.http.scope.RequestScope;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderRegistry;
import org.kglab.platform.ClasspathResources;

import java.util.List;

/**
 * Builds the executable schema from {@code schema.graphqls} (copied from the repository root at
 * build time) and the features' wirings.
 */
@Factory
final class GraphQLFactory {

    static final String SCHEMA_RESOURCE = "schema.graphqls";
    /** Deep enough for introspection (GraphiQL nests ofType many levels), shallow enough to stop abuse. */
    static final int MAX_DEPTH = 15;
    static final int MAX_COMPLEXITY = 1_000;

    @Singleton
    GraphQL graphQL(List<FeatureWiring> features, GraphQLErrors errors) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(DateTimes.SCALAR)
                .scalar(ExtendedScalars.GraphQLLong)
                .scalar(ExtendedScalars.Json);
        features.forEach(feature -> feature.wire(wiring));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(loadSchema(), wiring.build());
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(errors)
                .instrumentation(new ChainedInstrumentation(
                        new OperationLimits(),
                        new MaxQueryDepthInstrumentation(MAX_DEPTH),
                        new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY),
                        new AccessGuard(),
                        new RequestErrors()))
                .build();
    }

    /** A fresh registry per request, so that batching and caching never leak across requests. */
    @RequestScope
    DataLoaderRegistry dataLoaderRegistry(List<FeatureWiring> features) {
        return loaders(features);
    }

    /** A fresh registry; an operation over a WebSocket gets one of its own, since it answers no HTTP request. */
    static DataLoaderRegistry loaders(List<FeatureWiring> features) {
        var registry = new DataLoaderRegistry();
        features.forEach(feature -> feature.registerLoaders(registry));
        return registry;
    }

    static TypeDefinitionRegistry loadSchema() {
        return new SchemaParser().parse(ClasspathResources.text(SCHEMA_RESOURCE));
    }
}
