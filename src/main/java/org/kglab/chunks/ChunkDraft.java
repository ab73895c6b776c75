package org.kglab.chunks;

import org.jspecify.annotations.Nullable;

/**
 * A chunk as the chunker cuts it: {@code text.substring(start, end)} of the document's text.
 *
 * @param page        the 1-based page the chunk is on, or null for a format without pages
 * @param headingPath the headings above it, outermost first, joined by {@code " > "}
 * @param tokens      the estimated tokens the cut was based on
 */
record ChunkDraft(int ordinal, int start, int end, @Nullable Integer page, String headingPath, int tokens) {
}
