package org.kglab.identity.token;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-ins that were ended while their access tokens may still be valid, held in memory so that
 * every request can be checked without a database round trip. Loaded at start; an instance's own
 * revocations apply here at once, and every other instance hears of them through PostgreSQL
 * LISTEN/NOTIFY (the table's trigger notifies on commit). When the listening connection breaks, the
 * set is reloaded whole on reconnecting, so that nothing revoked meanwhile is missed. Entries, and
 * rows, are dropped once no access token of theirs can still be valid.
 */
@Singleton
public final class SessionRevocations {

    static final String CHANNEL = "kglab_revoked_sessions";
    private static final Logger LOG = LoggerFactory.getLogger(SessionRevocations.class);
    private static final Duration LISTEN_WAIT = Duration.ofSeconds(5);
    private static final Duration RETRY_WAIT = Duration.ofSeconds(2);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

    private final RevokedSessions rows;
    private final DataSource dataSource;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile @Nullable Connection connection;
    private Instant nextPurge = Instant.MIN;

    SessionRevocations(RevokedSessions rows, DataSource dataSource, TokenProperties tokens, Clock clock) {
        this.rows = rows;
        // The unwrapped pool hands out a plain connection that no transaction manager will touch.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.lifetime = tokens.accessTokenTtl().plus(tokens.clockSkew());
        this.clock = clock;
        this.listener = Thread.ofPlatform().name("session-revocations").daemon(true).unstarted(this::listen);
    }

    /** Loads the set before the service answers requests, then keeps listening. */
    @EventListener
    void start(StartupEvent event) {
        try {
            connect();
        } catch (SQLException e) {
            LOG.warn("Not listening for ended sign-ins yet, retrying: {}", e.getMessage());
            reload();
        }
        listener.start();
    }

    /** Ends the sign-in {@code sessionId}: its access tokens are refused from now on, on every instance. */
    void revoke(UUID sessionId) {
        revokeAll(List.of(sessionId));
    }

    void revokeAll(Collection<UUID> sessionIds) {
        Instant now = clock.instant();
        for (UUID id : sessionIds) {
            rows.insert(id, now, now.plus(lifetime));
            revoked.put(id, now.plus(lifetime));
        }
    }

    public boolean isRevoked(UUID sessionId) {
        return revoked.containsKey(sessionId);
    }

    /** How long after its start a sign-in may still have a valid access token. */
    Duration lifetime() {
        return lifetime;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        listener.interrupt();
        closeQuietly();
        listener.join(Duration.ofSeconds(5));
    }

    private void listen() {
        while (running) {
            try {
                Connection listening = connection;
                if (listening == null || listening.isClosed()) {
                    listening = connect();
                }
                PGNotification[] notes = listening.unwrap(PGConnection.class)
                        .getNotifications(Math.toIntExact(LISTEN_WAIT.toMillis()));
                Instant until = clock.instant().plus(lifetime);
                for (PGNotification note : notes == null ? new PGNotification[0] : notes) {
                    revoked.put(UUID.fromString(note.getParameter()), until);
                }
                purgeWhenDue();
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Listening for ended sign-ins failed, reconnecting: {}", e.toString());
                closeQuietly();
                sleep(RETRY_WAIT);
            }
        }
    }

    /** LISTEN first, then load: a revocation committed in between is heard, never missed. */
    private synchronized Connection connect() throws SQLException {
        Connection opened = dataSource.getConnection();
        try {
            opened.setAutoCommit(true);
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        connection = opened;
        reload();
        return opened;
    }

    private void reload() {
        Instant until = clock.instant().plus(lifetime);
        rows.findUnexpired(clock.instant()).forEach(id -> revoked.put(id, until));
    }

    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        revoked.values().removeIf(expiry -> !expiry.isAfter(now));
        rows.deleteExpired(now);
    }

    private synchronized void closeQuietly() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // Already broken; nothing more to release.
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
