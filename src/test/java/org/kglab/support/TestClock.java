package org.kglab.support;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in the tests: real time, plus however far a test has moved it on, so that
 * token lifetimes and expiries are tested by advancing time, never by editing rows.
 * {@link IntegrationTest} puts it back to real time before each test. Unit tests start one at a
 * fixed instant instead.
 */
@Singleton
@Replaces(Clock.class)
public final class TestClock extends Clock {

    private final @Nullable Instant start;
    private volatile Duration offset = Duration.ZERO;

    @Inject
    public TestClock() {
        this(null);
    }

    private TestClock(@Nullable Instant start) {
        this.start = start;
    }

    /** A clock that stands still at {@code start} until a test moves it on. */
    public static TestClock startingAt(Instant start) {
        return new TestClock(start);
    }

    /** Moves "now" forward for the service, as if {@code duration} had passed. */
    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
