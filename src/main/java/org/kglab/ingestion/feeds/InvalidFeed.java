package org.kglab.ingestion.feeds;

import org.jspecify.annotations.Nullable;
import org.kglab.platform.Failure;

/** A feed request that breaks a rule (an interval out of range), or content that is not a readable feed. */
public final class InvalidFeed extends Failure {

    InvalidFeed(Kind kind, String message, @Nullable Throwable cause) {
        super(kind, message, cause);
    }

    static InvalidFeed badRequest(String message) {
        return new InvalidFeed(Kind.BAD_REQUEST, message, null);
    }

    static InvalidFeed unreadable(String url, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new InvalidFeed(Kind.UNPROCESSABLE, "Not a readable RSS or Atom feed at " + url + ": "
                + (reason.length() > 300 ? reason.substring(0, 300) + "…" : reason), cause);
    }
}
