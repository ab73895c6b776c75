package org.kglab.documents;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A document accepted for ingestion: its original file, received in full and waiting in the staging area, what
 * is known of it before its text is read, and where it came from.
 *
 * @param title     a first title (the file name); extraction may find the document's own
 * @param mediaType the type detected from the bytes
 */
public record NewDocument(String title, String mediaType, long sizeBytes, String sha256, Visibility visibility,
                          Path stagedFile, Source source) {

    /**
     * Where the content came from. The uploader is the owner; {@code apiKeyId} is set when they used an API key.
     *
     * @param kind UPLOAD, URL or FEED
     */
    public record Source(String kind, @Nullable String fileName, @Nullable String url, @Nullable UUID feedId,
                         @Nullable UUID apiKeyId, @Nullable Instant fetchedAt, String pipelineVersion) {
    }
}
