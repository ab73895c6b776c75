package org.kglab.platform;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Neo4j Community running inside this JVM, started eagerly with the application (the first start
 * of a fresh store takes seconds). Only reachable on loopback, without auth.
 */
@Context
@Requires(condition = EmbeddedNeo4jCondition.class)
public final class EmbeddedNeo4j {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final StorageProperties storage;
    private final Neo4jProperties properties;
    private @Nullable DatabaseManagementService service;
    private int boltPort;

    EmbeddedNeo4j(StorageProperties storage, Neo4jProperties properties) {
        this.storage = storage;
        this.properties = properties;
        start();
    }

    /** Starts the server; the Bolt port stays the same across restarts so that the driver reconnects. */
    public synchronized void start() {
        if (service != null) {
            return;
        }
        long started = System.nanoTime();
        int port = boltPort != 0 ? boltPort : properties.embeddedBoltPort();
        var dbms = new DatabaseManagementServiceBuilder(storage.graph())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                .build();
        var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        boltPort = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        service = dbms;
        LOG.info("Embedded Neo4j started in {} ms, Bolt on 127.0.0.1:{}, store {}",
                (System.nanoTime() - started) / 1_000_000, boltPort, storage.graph().toAbsolutePath());
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    @PreDestroy
    public synchronized void stop() {
        if (service != null) {
            service.shutdown();
            service = null;
            LOG.info("Embedded Neo4j stopped");
        }
    }
}
