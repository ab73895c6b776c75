package org.kglab.ingestion;

/**
 * What Tika read out of a file.
 *
 * @param mediaType the type detected from the bytes (refined by the file name only for plain text)
 * @param title     the document's own title, or the file name when it has none
 * @param text      the plain text, possibly cut off at the configured maximum
 * @param truncated whether the text was cut off
 * @param textless  whether the file holds no text at all, such as a scanned PDF without a text layer
 */
record Extraction(String mediaType, String title, String text, boolean truncated, boolean textless) {
}
