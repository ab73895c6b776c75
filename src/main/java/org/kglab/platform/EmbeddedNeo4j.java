package org.kglab.platform;

import inet.ipaddr.IPAddressString;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Neo4j Community running inside this JVM, started eagerly with the application (the first start
 * of a fresh store takes seconds). Reachable on loopback only, and only with the password of
 * {@link EmbeddedNeo4jCredentials}. Cypher reaches neither files nor the network.
 */
@Context
@Requires(condition = EmbeddedNeo4jCondition.class)
public final class EmbeddedNeo4j {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    // Runs in-process on the system database, where no Bolt authentication applies: this is how the
    // password is set on a new store, and changed when the configured one no longer matches. (ALTER USER
    // refuses a password equal to the current one; Community users have no roles to lose by a replace.)
    private static final String SET_USER = """
            CREATE OR REPLACE USER $user SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED""";
    // Neo4j creates "neo4j" with the well-known password "neo4j": it must not outlive a store whose
    // account has another name.
    private static final String DROP_DEFAULT_USER = """
            DROP USER $user IF EXISTS""";

    private final StorageProperties storage;
    private final Neo4jProperties properties;
    private @Nullable DatabaseManagementService service;
    private @Nullable EmbeddedNeo4jCredentials credentials;
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
        var account = EmbeddedNeo4jCredentials.resolve(properties, storage.neo4jPassword());
        createEmptyImportDirectory();
        int port = boltPort != 0 ? boltPort : properties.embeddedBoltPort();
        var dbms = new DatabaseManagementServiceBuilder(storage.graph())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // No lock after failed attempts: it would let any local process lock the service out of its
                // own graph. The password is the only key, and a generated one has 256 bits.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                // LOAD CSV: no file URLs, an empty import root, and no host on the network at all.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, storage.graphImport())
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                // Only Neo4j's built-in procedures: nothing from a plugin jar, should one ever appear.
                .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("db.*", "dbms.*", "tx.*"))
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of())
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                .build();
        try {
            setUpAccount(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), account);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        boltPort = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        credentials = account;
        service = dbms;
        LOG.info("Embedded Neo4j started in {} ms, Bolt on 127.0.0.1:{} (user {}), store {}",
                (System.nanoTime() - started) / 1_000_000, boltPort, account.user(), storage.graph());
    }

    private static void setUpAccount(GraphDatabaseService system, EmbeddedNeo4jCredentials account) {
        Map<String, Object> parameters = Map.of("user", account.user(), "password", account.password());
        system.executeTransactionally(SET_USER, parameters);
        if (!EmbeddedNeo4jCredentials.DEFAULT_USER.equals(account.user())) {
            system.executeTransactionally(DROP_DEFAULT_USER, Map.of("user", EmbeddedNeo4jCredentials.DEFAULT_USER));
        }
    }

    private void createEmptyImportDirectory() {
        try {
            Files.createDirectories(storage.graphImport());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + storage.graphImport(), e);
        }
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    EmbeddedNeo4jCredentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException("The embedded Neo4j has not started");
        }
        return credentials;
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
