package org.kglab.graph.entity;

import java.util.UUID;

/**
 * Where an entity is mentioned: a chunk of a document, at offsets of the chunk's text. The graph knows only the
 * ids; whether the caller may see the document is PostgreSQL's to say.
 */
public record MentionSite(UUID chunkId, UUID documentId, int start, int end, double confidence) {
}
