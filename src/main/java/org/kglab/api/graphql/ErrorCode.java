package org.kglab.api.graphql;

import graphql.ErrorClassification;
import org.kglab.platform.Failure.Kind;

import java.util.Arrays;
import java.util.Set;

/**
 * What clients find in {@code extensions.classification} of every error, and the one place where a
 * failure's kind becomes one. The kinds that only uploads raise (size, type, unreadable content) are
 * the client's to fix, like any other bad request.
 */
enum ErrorCode implements ErrorClassification {
    BAD_REQUEST(Kind.BAD_REQUEST, Kind.PAYLOAD_TOO_LARGE, Kind.UNSUPPORTED_MEDIA_TYPE, Kind.UNPROCESSABLE),
    UNAUTHENTICATED(Kind.UNAUTHENTICATED),
    FORBIDDEN(Kind.FORBIDDEN),
    NOT_FOUND(Kind.NOT_FOUND),
    CONFLICT(Kind.CONFLICT),
    RATE_LIMITED(Kind.RATE_LIMITED),
    UNAVAILABLE(Kind.UNAVAILABLE),
    /** Not a failure but a bug: the client sees a reference to quote, never internals. */
    INTERNAL;

    private final Set<Kind> kinds;

    ErrorCode(Kind... kinds) {
        this.kinds = Set.of(kinds);
    }

    /** @throws IllegalStateException for a kind no classification covers, which {@code ErrorCodeTest} rules out */
    static ErrorCode of(Kind kind) {
        return Arrays.stream(values()).filter(code -> code.kinds.contains(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No classification for " + kind));
    }
}
