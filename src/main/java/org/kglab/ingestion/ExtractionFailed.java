package org.kglab.ingestion;

import org.jspecify.annotations.Nullable;

/** The file is of a supported type but its text cannot be read: corrupt, truncated or encrypted. */
public final class ExtractionFailed extends RuntimeException {

    ExtractionFailed(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
