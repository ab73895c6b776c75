package org.kglab.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.kglab.platform.StorageProperties;
import org.neo4j.driver.Driver;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** Direct, read-mostly access to both stores and the data directory, for assertions and cleanup. */
@Singleton
public final class Stores {

    private final DataSource dataSource;
    private final Driver driver;
    private final StorageProperties storage;

    Stores(DataSource dataSource, Driver driver, StorageProperties storage) {
        // Plain pooled connections: these statements run outside any transaction of the service.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.driver = driver;
        this.storage = storage;
    }

    public void clear() {
        truncate("TRUNCATE near_duplicates, near_duplicate_bands, near_duplicate_signatures, chunks, scheduled_tasks, ingestion_jobs, document_provenance, document_sources, feed_items, feeds, documents, outbox, sync_reconcile_runs, refresh_tokens, account_tokens, api_keys, audit_log, external_identities, "
                + "users RESTART IDENTITY");
        cypher("MATCH (n) DETACH DELETE n");
        deleteTree(storage.files());
        deleteTree(storage.staging());
    }

    /**
     * A job of the previous test may still be finishing while the tables are emptied; PostgreSQL then breaks the
     * deadlock by failing one side. The job retries on its own; so does this.
     */
    private void truncate(String sql) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first row of a query, each column as a long; empty when there is no row. */
    public List<Long> longs(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) {
                return List.of();
            }
            var values = new java.util.ArrayList<Long>();
            for (int column = 1; column <= r.getMetaData().getColumnCount(); column++) {
                values.add(r.getLong(column));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as strings. */
    public List<String> strings(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            var values = new java.util.ArrayList<String>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sql(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long cypherCount(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    /** The first column of every row, as strings. */
    public List<String> cypherStrings(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).list(r -> r.get(0).asString());
        }
    }

    public void cypher(String cypher) {
        try (var session = driver.session()) {
            session.run(cypher).consume();
        }
    }

    /** Regular files under the data directory's files/ and staging/ areas. */
    public List<Path> storedFiles() {
        return Stream.of(storage.files(), storage.staging())
                .filter(Files::isDirectory)
                .flatMap(Stores::walk)
                .filter(Files::isRegularFile)
                .toList();
    }

    private static Stream<Path> walk(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        walk(root).sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
