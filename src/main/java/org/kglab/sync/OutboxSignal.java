package org.kglab.sync;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits for the NOTIFY that the outbox trigger sends on every committed entry, on a connection of
 * its own. If that connection breaks, waiting degrades to sleeping until the next poll, and the
 * next wait reconnects.
 */
@Singleton
final class OutboxSignal implements AutoCloseable {

    static final String CHANNEL = "kglab_outbox";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSignal.class);

    private final DataSource dataSource;
    private @Nullable Connection connection;

    OutboxSignal(DataSource dataSource) {
        // The unwrapped pool hands out a plain connection that no transaction manager will touch.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Returns when an entry has been committed, or when {@code timeout} has passed. */
    void await(Duration timeout) throws InterruptedException {
        long millis = Math.max(1, timeout.toMillis());
        try {
            PGConnection listening = listening();
            listening.getNotifications((int) Math.min(millis, Integer.MAX_VALUE));
        } catch (SQLException e) {
            LOG.debug("Outbox notifications unavailable, polling instead: {}", e.getMessage());
            closeQuietly();
            Thread.sleep(millis);
        }
    }

    private synchronized PGConnection listening() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection opened = dataSource.getConnection();
            opened.setAutoCommit(true);
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            connection = opened;
        }
        return connection.unwrap(PGConnection.class);
    }

    private synchronized void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken; nothing more to release.
            }
            connection = null;
        }
    }

    /** Sends the notification that a waiting {@link #await} returns on; with PostgreSQL away, nothing happens. */
    void wake() {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute("NOTIFY " + CHANNEL);
        } catch (SQLException e) {
            LOG.debug("Could not wake the outbox relay: {}", e.getMessage());
        }
    }

    /**
     * Cuts the listening connection while a wait may still be blocked on it, for a wait that a
     * notification could not end. The pool then finds the connection broken when it is closed.
     */
    synchronized void abort() {
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // Closing releases what is left.
            }
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
