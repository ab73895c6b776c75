package org.kglab.chunks;

import io.micronaut.core.annotation.Introspected;
import org.kglab.documents.DocumentId;

import java.util.List;
import java.util.UUID;

/**
 * A document's chunks were replaced, all at once. Published inside the replacing transaction.
 *
 * @param version the document's chunk version after the replacement; a later replacement has a higher one
 */
public record ChunksReplaced(DocumentId documentId, long version, List<Ref> chunks) {

    public ChunksReplaced {
        chunks = List.copyOf(chunks);
    }

    /** What the graph keeps of a chunk. */
    @Introspected
    public record Ref(UUID id, int ordinal) {
    }
}
