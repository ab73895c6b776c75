package org.kglab.identity.signin;

import org.kglab.platform.Failure;

import java.time.Duration;
import java.util.OptionalLong;

/** Too many sign-in attempts from one client, or too many failures for one account: wait and retry. */
public final class TooManyAttempts extends Failure {

    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super(Kind.RATE_LIMITED, "Too many attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as the Retry-After header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public OptionalLong retryAfter() {
        return OptionalLong.of(retryAfterSeconds());
    }
}
