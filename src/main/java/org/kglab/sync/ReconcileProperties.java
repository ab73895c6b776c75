package org.kglab.sync;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Tuning of the reconciler (docs/sync.md).
 *
 * @param enabled   whether this instance reconciles on its schedule (on demand it always may)
 * @param interval  time between scheduled passes; each continues the open run to its end
 * @param batchSize aggregates or nodes compared per transaction, which also commits the checkpoint
 */
@ConfigurationProperties("kglab.sync.reconcile")
record ReconcileProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "10m") Duration interval,
        @Bindable(defaultValue = "500") int batchSize) {

    ReconcileProperties {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("kglab.sync.reconcile.batch-size is 1 to 10000: " + batchSize);
        }
    }
}
