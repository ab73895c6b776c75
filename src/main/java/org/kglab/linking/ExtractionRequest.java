package org.kglab.linking;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * One document to read: its chunks in any order, whose it is (extraction never merges entities across owners,
 * so the owner travels with the candidates), and its language if known ({@code en}; null when undetected).
 */
public record ExtractionRequest(UUID documentId, UUID owner, @Nullable String language, List<ChunkText> chunks) {

    public ExtractionRequest {
        chunks = List.copyOf(chunks);
    }
}
