package org.kglab.sync;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes processed outbox entries once they are older than the retention, in batches so that no statement holds
 * many row locks for long. Pending and parked entries are never deleted. Every instance may prune; two at once
 * delete disjoint rows or nothing.
 */
@Singleton
final class OutboxPruner {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPruner.class);

    private final Outbox outbox;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxPruner(Outbox outbox, OutboxProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${kglab.sync.outbox.prune-interval:1h}",
            initialDelay = "${kglab.sync.outbox.prune-interval:1h}")
    void onSchedule() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warn("Pruning the outbox failed, trying again at the next interval: {}", e.toString());
        }
    }

    /** @return how many entries were deleted */
    int prune() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = 0;
        int deleted;
        do {
            deleted = outbox.prune(cutoff, properties.pruneBatchSize());
            total += deleted;
        } while (deleted == properties.pruneBatchSize());
        if (total > 0) {
            LOG.info("Pruned {} outbox entries processed before {}", total, cutoff);
        }
        return total;
    }
}
