package org.kglab.ingestion;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** Where a document fetched from the web came from: its URLs, author and dates. */
@MappedEntity("document_sources")
public record DocumentSource(@Id UUID documentId, String originalUrl, @Nullable String canonicalUrl,
                             @Nullable String author, @Nullable Instant publishedAt, Instant fetchedAt) {
}
