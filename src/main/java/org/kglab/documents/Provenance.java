package org.kglab.documents;

import io.micronaut.core.annotation.Introspected;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a document came from and how it was processed.
 *
 * @param sourceKind      UPLOAD, URL or FEED
 * @param uploadedBy      the user who brought it in (through their own sign-in or one of their API keys)
 * @param apiKeyId        the API key used, if one was
 * @param ingestedAt      when it became READY
 * @param extractor       what read its text, e.g. "tika 3.3.1"
 * @param pipelineVersion the version of the ingestion steps it went through
 */
@Introspected
public record Provenance(UUID documentId, String sourceKind, @Nullable String fileName, @Nullable String url,
                         @Nullable UUID feedId, @Nullable UUID uploadedBy, @Nullable UUID apiKeyId,
                         @Nullable Instant fetchedAt, @Nullable Instant ingestedAt, @Nullable String language,
                         @Nullable String extractor, String pipelineVersion) {
}
