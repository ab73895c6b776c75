package org.kglab.linking;

import java.util.Objects;

/**
 * A chunk as the extractor reads it: {@code text} is the document's text from {@code startOffset} to
 * {@code endOffset} (UTF-16 offsets, as stored with chunks). Chunks may overlap.
 */
public record ChunkText(int ordinal, String text, int startOffset, int endOffset) {

    public ChunkText {
        Objects.requireNonNull(text, "text");
        if (ordinal < 0 || startOffset < 0 || endOffset - startOffset != text.length()) {
            throw new IllegalArgumentException("Chunk " + ordinal + " has offsets " + startOffset + ".." + endOffset
                    + " for " + text.length() + " characters");
        }
    }
}
