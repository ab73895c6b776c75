package org.kglab.ingestion;

/** The file is of a supported type but its text cannot be read: corrupt, truncated or encrypted. */
public final class ExtractionFailed extends RuntimeException {

    ExtractionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
