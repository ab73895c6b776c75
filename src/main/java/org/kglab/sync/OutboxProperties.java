package org.kglab.sync;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long the outbox keeps processed entries.
 *
 * @param retention      processed entries older than this are deleted; pending and parked ones never are
 * @param pruneInterval  how often each instance prunes
 * @param pruneBatchSize entries deleted per statement, so that a large prune never holds many locks for long
 */
@ConfigurationProperties("kglab.sync.outbox")
record OutboxProperties(
        @Bindable(defaultValue = "7d") Duration retention,
        @Bindable(defaultValue = "1h") Duration pruneInterval,
        @Bindable(defaultValue = "1000") int pruneBatchSize) {
}
