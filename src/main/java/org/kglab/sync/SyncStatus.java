package org.kglab.sync;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * How far the graph lags behind PostgreSQL.
 *
 * @param lag     how long the oldest pending change has waited; null when none is pending
 * @param pending changes not yet applied (parked ones excluded)
 * @param parked  changes set aside after failing, or of a type no projection applies; they need an administrator
 */
public record SyncStatus(@Nullable Duration lag, long pending, long parked) {
}
