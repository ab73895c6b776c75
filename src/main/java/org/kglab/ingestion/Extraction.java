package org.kglab.ingestion;

import org.kglab.chunks.Heading;
import org.kglab.chunks.StructuredText;

import java.util.List;

/**
 * What Tika read out of a file.
 *
 * @param mediaType  the type detected from the bytes (refined by the file name only for plain text)
 * @param title      the document's own title, or the file name when it has none
 * @param text       the plain text, possibly cut off at the configured maximum
 * @param truncated  whether the text was cut off
 * @param textless   whether the file holds no text at all, such as a scanned PDF without a text layer
 * @param headings   the headings found in the text, with their offsets into {@code text} (bounded in number)
 * @param pageStarts where each page starts in {@code text}, for formats with pages (bounded in number)
 */
record Extraction(String mediaType, String title, String text, boolean truncated, boolean textless,
                  List<Heading> headings, List<Integer> pageStarts) {

    StructuredText structured() {
        return new StructuredText(text, headings, pageStarts);
    }
}
