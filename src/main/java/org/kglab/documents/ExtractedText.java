package org.kglab.documents;

import org.jspecify.annotations.Nullable;

/**
 * What the pipeline read out of a document's file.
 *
 * @param extractor what read it, for the document's provenance, e.g. "tika 3.3.1"
 * @param language  the detected language (ISO 639), or null when unsure
 */
public record ExtractedText(String title, String mediaType, String text, boolean truncated, boolean textless,
                            String extractor, @Nullable String language) {
}
