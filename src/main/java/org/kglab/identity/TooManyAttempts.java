package org.kglab.identity;

import java.time.Duration;

/** Too many sign-in attempts from one client, or too many failures for one account: wait and retry. */
public final class TooManyAttempts extends RuntimeException {

    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super("Too many attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as the Retry-After header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
