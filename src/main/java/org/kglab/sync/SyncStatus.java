package org.kglab.sync;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the graph lags behind PostgreSQL, and what the last reconcile run found.
 *
 * @param lag             how long the oldest pending change has waited; null when none is pending
 * @param pending         changes not yet applied (parked ones excluded)
 * @param parked          changes set aside after failing, or of a type no projection applies; they need an
 *                        administrator
 * @param lastReconcileAt when the last reconcile run finished; null if none has
 * @param driftFound      aggregates or nodes that run found unequal, missing or orphaned
 * @param driftRepaired   of those, how many it repaired (published again or removed)
 */
public record SyncStatus(@Nullable Duration lag, long pending, long parked, @Nullable Instant lastReconcileAt,
                         long driftFound, long driftRepaired) {
}
