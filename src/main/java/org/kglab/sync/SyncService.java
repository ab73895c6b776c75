package org.kglab.sync;

import jakarta.inject.Singleton;
import org.kglab.identity.access.Caller;

import java.time.Duration;
import java.util.Optional;

/** What administrators may know about, and do to, the sync between the stores. */
@Singleton
public class SyncService {

    private final Outbox outbox;
    private final ReconcileRuns runs;
    private final Reconciler reconciler;

    SyncService(Outbox outbox, ReconcileRuns runs, Reconciler reconciler) {
        this.outbox = outbox;
        this.runs = runs;
        this.reconciler = reconciler;
    }

    /** The outbox's lag, pending and parked entries, and the last reconcile run; administrators only. */
    public SyncStatus status(Caller caller) {
        caller.requireAdmin();
        Optional<ReconcileRun> last = runs.lastFinished();
        return new SyncStatus(outbox.oldestPendingAgeMillis().map(Duration::ofMillis).orElse(null),
                outbox.countPending(), outbox.countParked(), last.map(ReconcileRun::finishedAt).orElse(null),
                last.map(ReconcileRun::driftFound).orElse(0L), last.map(ReconcileRun::driftRepaired).orElse(0L));
    }

    /**
     * Checks the whole graph against PostgreSQL now and publishes the repairs (applied by the relay, in order with
     * every other change); administrators only.
     */
    public SyncStatus reconcile(Caller caller) {
        caller.requireAdmin();
        reconciler.fullPass();
        return status(caller);
    }
}
