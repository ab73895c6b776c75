package org.kglab.linking;

/**
 * Where an entity is mentioned: {@code chunk.text().substring(start, end)} of the chunk with {@code chunkOrdinal}
 * is {@code text}, exactly. {@code confidence} is in 0..1.
 */
public record Mention(int chunkOrdinal, int start, int end, String text, double confidence) {
}
