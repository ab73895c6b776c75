package org.kglab.ingestion;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Where fetched content came from and what it says about itself.
 *
 * @param originalUrl  the URL that was asked for (a feed item's link, or the user's URL)
 * @param canonicalUrl the page's own idea of its address ({@code <link rel="canonical">}), else where the
 *                     last redirect led
 * @param title        the title the source gives, which beats anything the extractor finds
 * @param author       the byline or author metadata
 * @param publishedAt  when the source says it was published
 * @param fetchedAt    when it was fetched
 */
public record SourceMetadata(String originalUrl, @Nullable String canonicalUrl, @Nullable String title,
                             @Nullable String author, @Nullable Instant publishedAt, Instant fetchedAt) {

    public SourceMetadata withTitle(@Nullable String newTitle) {
        return new SourceMetadata(originalUrl, canonicalUrl, newTitle, author, publishedAt, fetchedAt);
    }
}
