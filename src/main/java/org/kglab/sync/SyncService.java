package org.kglab.sync;

import jakarta.inject.Singleton;
import org.kglab.identity.access.Caller;

import java.time.Duration;

/** What administrators may know about the sync between the stores. */
@Singleton
public class SyncService {

    private final Outbox outbox;

    SyncService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The outbox's lag, pending and parked entries; administrators only. */
    public SyncStatus status(Caller caller) {
        caller.requireAdmin();
        return new SyncStatus(outbox.oldestPendingAgeMillis().map(Duration::ofMillis).orElse(null),
                outbox.countPending(), outbox.countParked());
    }
}
