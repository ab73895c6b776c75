package org.kglab.jobs;

import org.kglab.platform.Failure;

import java.time.Instant;

/** Ends a failed attempt and tells the scheduler when to try again. */
final class RetryLater extends Failure {

    private final Instant at;

    RetryLater(Instant at, Throwable cause) {
        super(Kind.UNAVAILABLE, "The attempt failed; the job is tried again at " + at + ".", cause);
        this.at = at;
    }

    Instant at() {
        return at;
    }
}
