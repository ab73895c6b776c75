package org.kglab.documents;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document's metadata. The extracted text is a separate column, read only when a client
 * asks for it, so that listing documents never drags megabytes of text along.
 *
 * @param truncated the text was cut off at the extraction limit: it is the start of the document, not all of it
 * @param textless  the file holds no text at all, such as a scanned PDF without a text layer
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
        boolean textless) {

    public DocumentId documentId() {
        return new DocumentId(id);
    }
}
