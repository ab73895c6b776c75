package org.kglab.jobs;

import java.time.Instant;

/** Ends a failed attempt and tells the scheduler when to try again. */
final class RetryLater extends RuntimeException {

    private final Instant at;

    RetryLater(Instant at, Throwable cause) {
        super("Retry at " + at, cause);
        this.at = at;
    }

    Instant at() {
        return at;
    }
}
