package org.kglab.api.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;

import java.util.Set;

/**
 * Protected by default: every root field needs a signed-in caller unless it is on the short public
 * list below. Checked before the field's fetcher runs, whatever the fetcher does. Nested fields are
 * reachable only through a root field, so guarding the roots guards the whole graph; fetchers
 * still ask for the caller themselves, so that data access is scoped to them.
 */
final class AccessGuard extends SimplePerformantInstrumentation {

    /** The only fields an anonymous caller may use: what it takes to get a token, or to get back in. */
    static final Set<String> PUBLIC_FIELDS = Set.of(
            "Mutation.register", "Mutation.login", "Mutation.refreshToken", "Mutation.logout",
            "Mutation.verifyEmail", "Mutation.requestPasswordReset", "Mutation.resetPassword",
            "Mutation.completeSignIn");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        var step = parameters.getExecutionStepInfo();
        if (step.getParent() == null || step.getParent().getParent() != null) {
            return fetcher;
        }
        String name = step.getFieldDefinition().getName();
        String type = ((GraphQLObjectType) step.getParent().getUnwrappedNonNullType()).getName();
        if (name.startsWith("__") || PUBLIC_FIELDS.contains(type + "." + name)) {
            return fetcher;
        }
        return env -> {
            GraphQLCaller.require(env);
            return fetcher.get(env);
        };
    }
}
