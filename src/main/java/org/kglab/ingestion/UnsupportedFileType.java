package org.kglab.ingestion;

import org.kglab.platform.Failure;

/** The bytes are of a type this service cannot extract text from. */
public final class UnsupportedFileType extends Failure {

    UnsupportedFileType(String detected) {
        super(Kind.UNSUPPORTED_MEDIA_TYPE, "Unsupported file type: " + detected + ". Accepted types are PDF, DOCX, HTML, Markdown, "
                + "plain text and JSON.");
    }
}
