package org.kglab.sync;

import org.kglab.platform.EmbeddedNeo4j;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the Neo4j transactions that commit created or deleted nodes, as the embedded database sees them. The
 * service does not expose its database, so the test reaches it by reflection: it watches, it never writes.
 */
final class GraphCommits extends TransactionEventListenerAdapter<Object> implements AutoCloseable {

    private final DatabaseManagementService dbms;
    private final AtomicInteger commits = new AtomicInteger();

    private GraphCommits(DatabaseManagementService dbms) {
        this.dbms = dbms;
    }

    static GraphCommits watch(EmbeddedNeo4j neo4j) {
        try {
            var field = EmbeddedNeo4j.class.getDeclaredField("service");
            field.setAccessible(true);
            var watcher = new GraphCommits((DatabaseManagementService) field.get(neo4j));
            watcher.dbms.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, watcher);
            return watcher;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Cannot reach the embedded database", e);
        }
    }

    @Override
    public void afterCommit(TransactionData data, Object state, GraphDatabaseService database) {
        if (data.createdNodes().iterator().hasNext() || data.deletedNodes().iterator().hasNext()) {
            commits.incrementAndGet();
        }
    }

    int count() {
        return commits.get();
    }

    @Override
    public void close() {
        dbms.unregisterTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, this);
    }
}
