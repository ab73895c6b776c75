package org.kglab.documents;

/**
 * What the pipeline read out of a document's file.
 *
 * @param extractor what read it, for the document's provenance, e.g. "tika 3.3.1"
 */
public record ExtractedText(String title, String mediaType, String text, boolean truncated, boolean textless,
                            String extractor) {
}
