package org.kglab.linking;

import org.jspecify.annotations.Nullable;
import org.kglab.platform.Failure;

/** The extractor could not read entities from a document; worth trying again later. */
public final class ExtractionFailed extends Failure {

    ExtractionFailed(String message, @Nullable Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
