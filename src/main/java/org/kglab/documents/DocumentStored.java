package org.kglab.documents;

import java.time.Instant;
import java.util.UUID;

/** A document was stored. Published inside the storing transaction. */
public record DocumentStored(DocumentId id, long version, String title, String mediaType, long sizeBytes,
                             String sha256, UUID ownerId, Visibility visibility, Instant createdAt) {

    static DocumentStored of(Document document) {
        return new DocumentStored(document.documentId(), document.version(), document.title(),
                document.mediaType(), document.sizeBytes(), document.sha256(), document.ownerId(),
                document.visibility(), document.createdAt());
    }
}
