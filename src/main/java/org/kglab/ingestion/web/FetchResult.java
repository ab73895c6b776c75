package org.kglab.ingestion.web;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.nio.file.Path;

/** The outcome of a fetch that worked: new content, or word that the copy the caller has is current. */
public sealed interface FetchResult {

    /**
     * The body, received in full into a file the caller owns (and deletes).
     *
     * @param url          where the content was found, after redirects
     * @param mediaType    the declared media type without parameters, lower case
     * @param charset      the declared character set, if any
     * @param etag         the validator to send next time as If-None-Match
     * @param lastModified the validator to send next time as If-Modified-Since
     */
    record Content(Path file, long sizeBytes, URI url, String mediaType, @Nullable String charset,
                   @Nullable String etag, @Nullable String lastModified) implements FetchResult {
    }

    /** 304: nothing changed since the validators the caller sent. */
    record NotModified(URI url) implements FetchResult {
    }
}
