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
 */
@ConfigurationProperties("kglab.sync.relay")
record RelayProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "100") int batchSize,
        @Bindable(defaultValue = "5s") Duration pollInterval,
        @Bindable(defaultValue = "500ms") Duration backoffInitial,
        @Bindable(defaultValue = "60s") Duration backoffMax) {

    /** Delay before attempt {@code attempt + 1}: initial × 2^(attempt − 1), capped. */
    Duration backoff(int attempt) {
        int doublings = Math.clamp(attempt - 1, 0, 30);
        long millis = backoffInitial.toMillis() << doublings;
        return millis <= 0 || millis > backoffMax.toMillis() ? backoffMax : Duration.ofMillis(millis);
    }
}
