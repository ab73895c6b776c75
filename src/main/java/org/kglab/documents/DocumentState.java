package org.kglab.documents;

import io.micronaut.serde.annotation.Serdeable;
import org.kglab.platform.change.Change;

import java.time.Instant;
import java.util.UUID;

/**
 * What another store keeps of a document: the state its {@link Change}s carry. The field names are stored in the
 * outbox, so they never change.
 */
@Serdeable
record DocumentState(UUID id, long version, String title, String mediaType, long sizeBytes, String sha256,
                     UUID ownerId, String visibility, Instant createdAt) {

    /** The aggregate type of a document's changes. */
    static final String AGGREGATE_TYPE = "document";

    static Change stored(Document document) {
        return Change.of(AGGREGATE_TYPE, document.documentId().value(), document.version(),
                new DocumentState(document.documentId().value(), document.version(), document.title(),
                        document.mediaType(), document.sizeBytes(), document.sha256(), document.ownerId(),
                        document.visibility().name(), document.createdAt()));
    }

    /** @param version one past the last stored version, so that the removal orders after every change */
    static Change deleted(DocumentId id, long version) {
        return Change.removed(AGGREGATE_TYPE, id.value(), version);
    }
}
