package org.kglab.api.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Errors raised before any fetcher runs (syntax, validation, bad variables, query limits) are the
 * client's: they are reclassified as BAD_REQUEST so that every error speaks the same vocabulary.
 */
final class RequestErrors extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream().noneMatch(RequestErrors::isClientError)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream().map(RequestErrors::reclassify).toList();
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }

    private static GraphQLError reclassify(GraphQLError error) {
        if (!isClientError(error)) {
            return error;
        }
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(ErrorCode.BAD_REQUEST)
                .build();
    }

    private static boolean isClientError(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type == ErrorType.InvalidSyntax || type == ErrorType.ValidationError
                || type == ErrorType.ExecutionAborted || type == ErrorType.OperationNotSupported;
    }
}
