package org.kglab.ingestion;

import java.io.IOException;
import java.util.Optional;

/**
 * How a parse in an extraction process ended, when not simply well. Tika hands the process's
 * exception back to the service, but deserialises it with the boot class loader when the process
 * runs from a classpath, so only JDK exception types survive the trip: the outcome travels as an
 * {@link IOException} whose message starts with its name.
 */
enum ChildOutcome {
    /** The text reached the character limit; what came before it arrived whole. */
    TRUNCATED,
    /** The file unpacks to far more than its size: a compression bomb. */
    EXPANDS_TOO_MUCH,
    ENCRYPTED,
    UNREADABLE;

    private static final String SEPARATOR = ": ";

    IOException exception(String detail) {
        return new IOException(name() + SEPARATOR + detail);
    }

    static Optional<ChildOutcome> of(IOException e) {
        String message = e.getMessage();
        if (message == null) {
            return Optional.empty();
        }
        for (ChildOutcome outcome : values()) {
            if (message.startsWith(outcome.name() + SEPARATOR)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
