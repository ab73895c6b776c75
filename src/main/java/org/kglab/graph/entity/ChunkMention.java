package org.kglab.graph.entity;

/** A visible entity found in a chunk, at UTF-16 offsets {@code start..end} of the chunk's text. */
public record ChunkMention(Entity entity, int start, int end, double confidence) {
}
