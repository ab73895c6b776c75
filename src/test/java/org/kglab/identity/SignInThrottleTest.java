package org.kglab.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

    private final SignInThrottle throttle =
            new SignInThrottle(new SignInLimitProperties(3, Duration.ofMinutes(1), 2, Duration.ofMinutes(15), 2, Duration.ofHours(1)));

    @Test
    void admitsAClientUpToItsLimitThenSaysWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            throttle.admitClient("192.0.2.1");
        }
        assertThatThrownBy(() -> throttle.admitClient("192.0.2.1"))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 60L));
    }

    @Test
    void countsEachClientSeparately() {
        for (int i = 0; i < 3; i++) {
            throttle.admitClient("192.0.2.1");
        }
        throttle.admitClient("192.0.2.2");
    }

    @Test
    void locksAnAddressOnlyAfterEnoughFailures() {
        throttle.recordFailure("ada@example.org");
        throttle.checkNotLocked("ada@example.org");
        throttle.recordFailure("ada@example.org");
        assertThatThrownBy(() -> throttle.checkNotLocked("ada@example.org"))
                .isInstanceOfSatisfying(TooManyAttempts.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 15 * 60L));
        throttle.checkNotLocked("bob@example.org");
    }
}
