package org.kglab.sync;

import io.micronaut.core.annotation.Introspected;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One pass of the reconciler and its checkpoint.
 *
 * @param phase  the phase it is in ({@link ReconcilePlan})
 * @param lastId the last id the phase has checked
 */
@Introspected
record ReconcileRun(long id, Instant startedAt, @Nullable Instant finishedAt, String phase, UUID lastId,
                    long driftFound, long driftRepaired) {
}
