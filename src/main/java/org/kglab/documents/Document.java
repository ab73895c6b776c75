package org.kglab.documents;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document's metadata. The extracted text is a separate column, read only when a client
 * asks for it, so that listing documents never drags megabytes of text along.
 */
@MappedEntity("documents")
public record Document(
        @Id UUID id,
        String title,
        String mediaType,
        long sizeBytes,
        String sha256,
        UUID ownerId,
        Visibility visibility,
        long version,
        Instant createdAt) {

    public DocumentId documentId() {
        return new DocumentId(id);
    }
}
