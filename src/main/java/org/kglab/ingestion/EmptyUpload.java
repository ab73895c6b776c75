package org.kglab.ingestion;

import org.kglab.platform.Failure;

/** The upload has no bytes, or no file part at all. */
public final class EmptyUpload extends Failure {

    public EmptyUpload(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
