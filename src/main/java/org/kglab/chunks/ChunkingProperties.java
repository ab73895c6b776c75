package org.kglab.chunks;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How chunks are cut. The defaults suit BGE-small's 512-token window with room to spare: a chunk of 256
 * estimated tokens, and 40 tokens repeated where a paragraph had to be cut.
 *
 * @param maxTokens     the most (estimated) tokens of a chunk ({@code KGLAB_CHUNKING_MAX_TOKENS})
 * @param overlapTokens tokens repeated at the start of the next chunk when a paragraph is cut by size; below
 *                      half of {@code maxTokens} ({@code KGLAB_CHUNKING_OVERLAP_TOKENS})
 */
@ConfigurationProperties("kglab.chunking")
public record ChunkingProperties(
        @Bindable(defaultValue = "256") int maxTokens,
        @Bindable(defaultValue = "40") int overlapTokens) {
}
