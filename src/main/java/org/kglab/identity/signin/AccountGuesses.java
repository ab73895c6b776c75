package org.kglab.identity.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins to one account from all clients together. Past a threshold, the next guess from a
 * client that has already failed on the account has to wait: one second after the last failure,
 * doubling with each further failure up to a cap. Forgotten once a whole window passes without one.
 */
final class AccountGuesses {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final int MAX_DOUBLINGS = 30;

    private int failures;
    private Instant lastFailure = Instant.MIN;

    synchronized void recordFailure(Instant now, Duration window) {
        if (lapsed(now, window)) {
            failures = 0;
        }
        failures++;
        lastFailure = now;
    }

    /** How long a client that has failed on this account must still wait; zero when it may guess. */
    synchronized Duration wait(Instant now, SignInLimitProperties limits) {
        int excess = failures - limits.accountFailuresBeforeDelay();
        if (excess <= 0 || lapsed(now, limits.accountWindow())) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(excess - 1, MAX_DOUBLINGS));
        if (delay.compareTo(limits.accountDelayMax()) > 0) {
            delay = limits.accountDelayMax();
        }
        Duration left = Duration.between(now, lastFailure.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private boolean lapsed(Instant now, Duration window) {
        return lastFailure.equals(Instant.MIN) || !now.isBefore(lastFailure.plus(window));
    }
}
