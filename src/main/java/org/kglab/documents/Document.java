package org.kglab.documents;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document's metadata. The extracted text is a separate column, read only when a client
 * asks for it, so that listing documents never drags megabytes of text along.
 *
 * @param truncated the text was cut off at the extraction limit: it is the start of the document, not all of it
 * @param textless  the file holds no text at all, such as a scanned PDF without a text layer
 * @param status    PROCESSING from the moment the upload is accepted, then READY or FAILED
 * @param failureReason why it FAILED, in words for its owner
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
        Instant createdAt,
        boolean truncated,
        boolean textless,
        DocumentStatus status,
        @Nullable String failureReason) {

    public DocumentId documentId() {
        return new DocumentId(id);
    }
}
