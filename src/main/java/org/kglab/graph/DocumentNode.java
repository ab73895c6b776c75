package org.kglab.graph;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A document as projected into the graph, with the owner and visibility every read filters on. */
public record DocumentNode(UUID id, long version, String title, String mediaType, long sizeBytes, String sha256,
                           UUID ownerId, String visibility, OffsetDateTime createdAt) {
}
