package org.kglab.chunks;

import java.util.List;

/**
 * Extracted text with what is known of its structure. Offsets are UTF-16 offsets into {@code text}.
 *
 * @param headings   in order of offset
 * @param pageStarts where page 1, 2, ... start, in order; empty for formats without pages
 */
public record StructuredText(String text, List<Heading> headings, List<Integer> pageStarts) {

    public StructuredText {
        headings = List.copyOf(headings);
        pageStarts = List.copyOf(pageStarts);
    }

    public static StructuredText plain(String text) {
        return new StructuredText(text, List.of(), List.of());
    }
}
