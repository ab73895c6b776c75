package org.kglab.sync;

import io.micronaut.serde.annotation.Serdeable;
import org.kglab.documents.DocumentStored;
import org.kglab.graph.DocumentNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The outbox payload of a stored document: everything the graph keeps of it. */
@Serdeable
record DocumentSnapshot(UUID id, long version, String title, String mediaType, long sizeBytes, String sha256,
                        UUID ownerId, String visibility, Instant createdAt) {

    static DocumentSnapshot of(DocumentStored event) {
        return new DocumentSnapshot(event.id().value(), event.version(), event.title(), event.mediaType(),
                event.sizeBytes(), event.sha256(), event.ownerId(), event.visibility().name(), event.createdAt());
    }

    DocumentNode toNode() {
        return new DocumentNode(id, version, title, mediaType, sizeBytes, sha256, ownerId, visibility,
                createdAt.atOffset(ZoneOffset.UTC));
    }
}
