package org.kglab.platform;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * An expected outcome a feature reports to whoever called it: the one base type of every exception
 * this service throws on purpose. The {@link Kind} says what went wrong in words every transport
 * understands, and the message is a sentence the caller can act on. Features throw their own
 * subclasses ({@code DocumentNotFound}, {@code UploadTooLarge}); each transport maps the kind once,
 * so that a new exception needs no change at the edge.
 */
public abstract class Failure extends RuntimeException {

    /** What kind of outcome this is; transports turn it into a status or classification. */
    public enum Kind {
        /** The request breaks a rule; the message says which. */
        BAD_REQUEST,
        /** No valid credentials, or credentials that are no longer valid. */
        UNAUTHENTICATED,
        /** The caller is known but may not do this. */
        FORBIDDEN,
        /** The thing asked for does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The request clashes with the current state of what it changes. */
        CONFLICT,
        /** Too many requests; {@link #retryAfter()} says when to try again. */
        RATE_LIMITED,
        /** A service this one depends on cannot be reached right now; trying again later may succeed. */
        UNAVAILABLE,
        /** The request body is bigger than allowed. */
        PAYLOAD_TOO_LARGE,
        /** The request carries content of a type this service does not accept. */
        UNSUPPORTED_MEDIA_TYPE,
        /** The content is of an accepted type but cannot be processed: corrupt, truncated or encrypted. */
        UNPROCESSABLE
    }

    private final Kind kind;

    protected Failure(Kind kind, String message) {
        this(kind, message, null);
    }

    protected Failure(Kind kind, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public final Kind kind() {
        return kind;
    }

    /** The sentence for the caller; every constructor takes one, so it is never null. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /** For {@link Kind#RATE_LIMITED}: whole seconds to wait before trying again. Empty otherwise. */
    public OptionalLong retryAfter() {
        return OptionalLong.empty();
    }
}
