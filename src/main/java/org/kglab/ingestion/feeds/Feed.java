package org.kglab.ingestion.feeds;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;
import org.kglab.documents.Visibility;

import java.time.Instant;
import java.util.UUID;

/**
 * A feed a user follows, and how its polling goes.
 *
 * @param nextPollAt when it is polled next; while one instance polls it, a lease a little ahead
 * @param itemCount  items ingested from it so far
 */
@MappedEntity("feeds")
public record Feed(
        @Id UUID id,
        UUID ownerId,
        String url,
        Visibility visibility,
        int everySeconds,
        @Nullable String title,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable Instant lastPolledAt,
        Instant nextPollAt,
        @Nullable String lastError,
        int failures,
        Instant createdAt,
        long itemCount) {
}
