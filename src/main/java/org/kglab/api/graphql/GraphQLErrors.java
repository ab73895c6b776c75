package org.kglab.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import jakarta.inject.Singleton;
import org.kglab.documents.DocumentAccessDenied;
import org.kglab.documents.DocumentNotFound;
import org.kglab.documents.InvalidCursor;
import org.kglab.documents.InvalidDocumentId;
import org.kglab.documents.PageRequest;
import org.kglab.identity.ApiKeyNotFound;
import org.kglab.identity.InvalidAccountToken;
import org.kglab.identity.InvalidInput;
import org.kglab.identity.NotPermitted;
import org.kglab.identity.UserNotFound;
import org.kglab.identity.InvalidCredentials;
import org.kglab.identity.InvalidCredentialsFormat;
import org.kglab.identity.InvalidRefreshToken;
import org.kglab.identity.InvalidSignInCode;
import org.kglab.identity.TooManyAttempts;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns exceptions thrown by fetchers into classified GraphQL errors. Expected outcomes keep their
 * message; anything else is logged with a reference that the client sees instead of internals.
 */
@Singleton
final class GraphQLErrors implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLErrors.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable exception = unwrap(parameters.getException());
        if (exception instanceof TooManyAttempts tooMany) {
            MutableHttpResponse<?> response = GraphQLCaller.response(parameters.getDataFetchingEnvironment().getGraphQlContext());
            if (response != null) {
                response.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                        String.valueOf(tooMany.retryAfterSeconds()));
            }
        }
        GraphQLError error = GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
                .errorType(classify(exception))
                .message(messageOf(exception))
                .build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    static ErrorCode classify(Throwable exception) {
        return switch (exception) {
            case Unauthenticated e -> ErrorCode.UNAUTHENTICATED;
            case TooManyAttempts e -> ErrorCode.RATE_LIMITED;
            case InvalidCredentials e -> ErrorCode.UNAUTHENTICATED;
            case InvalidRefreshToken e -> ErrorCode.UNAUTHENTICATED;
            case InvalidSignInCode e -> ErrorCode.UNAUTHENTICATED;
            case DocumentAccessDenied e -> ErrorCode.FORBIDDEN;
            case NotPermitted e -> ErrorCode.FORBIDDEN;
            case DocumentNotFound e -> ErrorCode.NOT_FOUND;
            case UserNotFound e -> ErrorCode.NOT_FOUND;
            case ApiKeyNotFound e -> ErrorCode.NOT_FOUND;
            case InvalidAccountToken e -> ErrorCode.BAD_REQUEST;
            case InvalidInput e -> ErrorCode.BAD_REQUEST;
            case InvalidCredentialsFormat e -> ErrorCode.BAD_REQUEST;
            case InvalidDocumentId e -> ErrorCode.BAD_REQUEST;
            case InvalidCursor e -> ErrorCode.BAD_REQUEST;
            case PageRequest.InvalidPageSize e -> ErrorCode.BAD_REQUEST;
            case InvalidArgument e -> ErrorCode.BAD_REQUEST;
            default -> ErrorCode.INTERNAL;
        };
    }

    private static String messageOf(Throwable exception) {
        if (classify(exception) != ErrorCode.INTERNAL) {
            return exception.getMessage();
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("GraphQL request failed, reference {}", reference, exception);
        return "Internal error. Quote reference " + reference + " when reporting it.";
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
