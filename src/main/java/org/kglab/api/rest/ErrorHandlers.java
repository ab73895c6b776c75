package org.kglab.api.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.swagger.v3.oas.annotations.Hidden;
import org.kglab.ingestion.IngestionService;
import org.kglab.platform.Failure;

/** Maps the features' outcomes to HTTP statuses, once, at the edge: by their kind, never by their class. */
@Controller
@Hidden
final class ErrorHandlers {

    private final Problems problems;
    private final IngestionService ingestion;

    ErrorHandlers(Problems problems, IngestionService ingestion) {
        this.problems = problems;
        this.ingestion = ingestion;
    }

    @Error(global = true)
    HttpResponse<?> failure(HttpRequest<?> request, Failure e) {
        var response = problems.of(request, status(e.kind()), e, e.getMessage());
        e.retryAfter().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
        return response;
    }

    /** The server refused a body whose declared length is past its ceiling, before reading it. */
    @Error(global = true)
    HttpResponse<?> bodyTooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        return failure(request, ingestion.bodyRefused(request.getContentLength()));
    }

    /** The one place a failure's kind becomes an HTTP status. */
    static HttpStatus status(Failure.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case PAYLOAD_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
