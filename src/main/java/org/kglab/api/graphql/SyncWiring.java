package org.kglab.api.graphql;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.sync.SyncService;
import org.kglab.sync.SyncStatus;

import java.time.Duration;

/** The sync's status for administrators; the service checks the role. */
@Singleton
final class SyncWiring implements FeatureWiring {

    private final SyncService sync;

    SyncWiring(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("syncStatus",
                env -> sync.status(GraphQLCaller.require(env))));
        wiring.type("Mutation", type -> type.dataFetcher("reconcileGraph",
                env -> sync.reconcile(GraphQLCaller.require(env))));
        wiring.type("SyncStatus", type -> type.dataFetcher("lagMillis", env -> {
            Duration lag = Arguments.<SyncStatus>source(env).lag();
            return lag == null ? null : lag.toMillis();
        }));
    }
}
