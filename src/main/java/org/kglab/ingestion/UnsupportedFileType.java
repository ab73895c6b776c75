package org.kglab.ingestion;

/** The bytes are of a type this service cannot extract text from. */
public final class UnsupportedFileType extends RuntimeException {

    UnsupportedFileType(String detected) {
        super("Unsupported file type: " + detected + ". Accepted types are PDF, DOCX, HTML, Markdown, "
                + "plain text and JSON.");
    }
}
