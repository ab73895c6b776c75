package org.kglab.api.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every JSON error the REST shim sends, ours and the framework's (unknown route, missing part,
 * wrong method), is problem+json with a sentence in {@code detail}. Server faults never show
 * their internals: the client gets a reference to quote, the log gets the stack trace.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemDetailsBodyProvider implements JsonErrorResponseBodyProvider<ProblemDetails> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsBodyProvider.class);

    @Override
    public ProblemDetails body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String detail = status >= 500 ? serverFault(context) : clientDetail(context, response);
        return new ProblemDetails("about:blank", response.reason(), status, detail, context.getRequest().getPath());
    }

    @Override
    public String contentType() {
        return ProblemDetails.MEDIA_TYPE;
    }

    private static String clientDetail(ErrorContext context, HttpResponse<?> response) {
        String messages = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining(" "));
        // Our own refusals explain themselves; the framework's say only "Unauthorized" or "Forbidden".
        boolean ours = context.getRootCause().filter(cause -> cause.getClass().getName().startsWith("org.kglab.")).isPresent();
        if (response.code() == 401 && !ours) {
            return "Sign in first: send Authorization: Bearer <accessToken>, as returned by the login mutation, "
                    + "or an API key as Authorization: Bearer kgl_... or X-API-Key: kgl_....";
        }
        if (response.code() == 403 && !ours) {
            return "You are signed in, but your account may not do this.";
        }
        return messages.isBlank() ? response.reason() + "." : messages;
    }

    private static String serverFault(ErrorContext context) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Request {} {} failed, reference {}", context.getRequest().getMethod(),
                context.getRequest().getPath(), reference, context.getRootCause().orElse(null));
        return "The server could not complete the request. Quote reference " + reference + " when reporting it.";
    }
}
