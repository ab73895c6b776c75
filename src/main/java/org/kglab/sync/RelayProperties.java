package org.kglab.sync;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Tuning of the outbox relay.
 *
 * @param enabled        whether this instance relays at all
 * @param batchSize      entries claimed per transaction
 * @param pollInterval   longest sleep between looks at the outbox when no notification arrives
 * @param backoffInitial first delay after a failure; doubles with each further failure
 * @param backoffMax     the longest delay between attempts
 * @param lease          how long a claimed batch is this relay's alone; the Neo4j transaction that applies it
 *                       gets half of it, so that it ends before another relay may claim the batch again
 * @param maxAttempts    failures an entry may cause before it is parked
 */
@ConfigurationProperties("kglab.sync.relay")
record RelayProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "100") int batchSize,
        @Bindable(defaultValue = "5s") Duration pollInterval,
        @Bindable(defaultValue = "500ms") Duration backoffInitial,
        @Bindable(defaultValue = "60s") Duration backoffMax,
        @Bindable(defaultValue = "60s") Duration lease,
        @Bindable(defaultValue = "10") int maxAttempts) {

    /** The longest a batch's Neo4j transaction may run. */
    Duration applyTimeout() {
        return lease.dividedBy(2);
    }

    /** Delay before attempt {@code attempt + 1}: initial × 2^(attempt − 1), capped. */
    Duration backoff(int attempt) {
        int doublings = Math.clamp(attempt - 1, 0, 30);
        long millis = backoffInitial.toMillis() << doublings;
        return millis <= 0 || millis > backoffMax.toMillis() ? backoffMax : Duration.ofMillis(millis);
    }
}
