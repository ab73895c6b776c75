package org.kglab.ingestion;

import org.jspecify.annotations.Nullable;
import org.kglab.platform.Failure;

/** The file is of a supported type but its text cannot be read: corrupt, truncated or encrypted. */
public final class ExtractionFailed extends Failure {

    ExtractionFailed(String message, @Nullable Throwable cause) {
        super(Kind.UNPROCESSABLE, message, cause);
    }
}
