package org.kglab.chunks;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * A stored chunk, without its vector. {@code startOffset} and {@code endOffset} are UTF-16 offsets into the
 * document's extracted text: {@code text.substring(startOffset, endOffset)} is {@code text} here.
 *
 * @param page           the 1-based page it is on, for formats with pages
 * @param headingPath    the headings above it, outermost first, joined by {@code " > "}
 * @param embeddingModel the model that embedded it, or null if it has no vector
 */
@MappedEntity("chunks")
public record Chunk(
        @Id UUID id,
        UUID documentId,
        int ordinal,
        String text,
        int startOffset,
        int endOffset,
        @Nullable Integer page,
        String headingPath,
        int tokenCount,
        @Nullable String embeddingModel) {
}
