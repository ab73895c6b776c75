package org.kglab.ingestion.web;

import org.jspecify.annotations.Nullable;
import org.kglab.ingestion.Sizes;
import org.kglab.platform.Failure;

import java.net.URI;
import java.time.Duration;

/** A fetch that did not bring back content: the reason, in words, with the URL it concerns. */
public final class FetchFailed extends Failure {

    private FetchFailed(Kind kind, String message, @Nullable Throwable cause) {
        super(kind, message, cause);
    }

    static FetchFailed timedOut(Duration after, URI url) {
        return new FetchFailed(Kind.UNAVAILABLE, "Timed out after " + seconds(after) + " fetching " + url + ".", null);
    }

    static FetchFailed unreachable(URI url, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new FetchFailed(Kind.UNAVAILABLE, "Could not fetch " + url + ": " + reason + ".", cause);
    }

    static FetchFailed status(URI url, int status) {
        Kind kind = status >= 500 || status == 429 ? Kind.UNAVAILABLE : Kind.BAD_REQUEST;
        return new FetchFailed(kind, "The server answered HTTP " + status + " for " + url + ".", null);
    }

    static FetchFailed tooManyRedirects(URI url, int max) {
        return new FetchFailed(Kind.BAD_REQUEST, "More than " + max + " redirects, starting at " + url + ".", null);
    }

    static FetchFailed tooLarge(URI url, long size, boolean atLeast, long limit) {
        return new FetchFailed(Kind.PAYLOAD_TOO_LARGE, "Too large: " + url + " is " + (atLeast ? "more than " : "")
                + Sizes.human(size) + ", the limit is " + Sizes.human(limit) + ".", null);
    }

    static FetchFailed unsupportedType(URI url, String contentType, String accepted) {
        return new FetchFailed(Kind.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type " + contentType + " at " + url
                + ". Accepted: " + accepted + ".", null);
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
