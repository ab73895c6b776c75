package org.kglab.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tuning of the job runner.
 *
 * @param enabled           whether this instance runs jobs at all (every instance can still queue them)
 * @param threads           jobs run at once by this instance
 * @param pollInterval      longest wait before a due job is noticed (a job queued here starts at once)
 * @param heartbeatInterval how often a running job says it is alive; after six missed beats another
 *                          instance takes it over
 * @param maxAttempts       attempts per job, a crash during one included
 * @param backoffInitial    delay before the second attempt; doubles with each further one
 * @param backoffMax        the longest delay between attempts
 * @param shutdownWait      how long shutdown waits for running jobs before leaving them to be picked up again
 */
@ConfigurationProperties("kglab.jobs")
public record JobsProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "2") int threads,
        @Bindable(defaultValue = "2s") Duration pollInterval,
        @Bindable(defaultValue = "5s") Duration heartbeatInterval,
        @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "2s") Duration backoffInitial,
        @Bindable(defaultValue = "5m") Duration backoffMax,
        @Bindable(defaultValue = "20s") Duration shutdownWait) {

    /**
     * Delay after failed attempt {@code attempt} (1-based): initial × 2^(attempt − 1), capped, then "equal
     * jitter": a random point in its upper half, so that jobs that failed together do not return together.
     */
    Duration backoff(int attempt, double random) {
        int doublings = Math.clamp(attempt - 1, 0, 30);
        long millis = backoffInitial.toMillis() << doublings;
        long capped = millis <= 0 || millis > backoffMax.toMillis() ? backoffMax.toMillis() : millis;
        return Duration.ofMillis(capped / 2 + Math.round(capped / 2.0 * random));
    }

    Duration backoff(int attempt) {
        return backoff(attempt, ThreadLocalRandom.current().nextDouble());
    }
}
