package org.kglab.ingestion;

/** The upload has no bytes, or no file part at all. */
public final class EmptyUpload extends RuntimeException {

    public EmptyUpload(String message) {
        super(message);
    }
}
