package org.kglab.chunks;

/**
 * A heading of a document.
 *
 * @param level  1 for the outermost (h1, {@code #}), up to 6
 * @param text   the heading's words
 * @param offset where the heading starts in the extracted text
 */
public record Heading(int level, String text, int offset) {

    public Heading {
        level = Math.clamp(level, 1, 6);
    }
}
