package org.kglab.embedding;

import org.jspecify.annotations.Nullable;
import org.kglab.platform.Failure;

/** The embedding model did not produce vectors; worth trying again later. */
public final class EmbeddingFailed extends Failure {

    EmbeddingFailed(String message, @Nullable Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
