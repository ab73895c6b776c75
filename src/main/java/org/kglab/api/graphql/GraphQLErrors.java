package org.kglab.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.kglab.platform.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns exceptions thrown by fetchers into classified GraphQL errors. A {@link Failure} keeps its
 * message and is classified by its kind ({@link ErrorCode#of}); anything else is logged with a
 * reference that the client sees instead of internals.
 */
@Singleton
final class GraphQLErrors implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLErrors.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable exception = unwrap(parameters.getException());
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment());
        if (exception instanceof Failure failure) {
            failure.retryAfter().ifPresent(seconds -> retryLater(parameters, seconds));
            error.errorType(ErrorCode.of(failure.kind())).message(failure.getMessage());
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.error("GraphQL request failed, reference {}", reference, exception);
            error.errorType(ErrorCode.INTERNAL)
                    .message("Internal error. Quote reference " + reference + " when reporting it.");
        }
        GraphQLError built = error.build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(built).build());
    }

    /** A rate-limited operation answers 429 with Retry-After, as the schema promises. */
    private static void retryLater(DataFetcherExceptionHandlerParameters parameters, long seconds) {
        MutableHttpResponse<?> response = GraphQLCaller.response(parameters.getDataFetchingEnvironment().getGraphQlContext());
        if (response != null) {
            response.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
