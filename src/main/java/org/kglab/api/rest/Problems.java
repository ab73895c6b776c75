package org.kglab.api.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Builds RFC 9457 problem+json responses whose detail is a sentence a person can act on. */
@Singleton
final class Problems {

    private final ErrorResponseProcessor<?> processor;

    Problems(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    MutableHttpResponse<?> of(HttpRequest<?> request, HttpStatus status, Throwable cause, String detail) {
        return processor.processResponse(
                ErrorContext.builder(request).cause(cause).errorMessage(detail).build(),
                HttpResponse.status(status));
    }
}
