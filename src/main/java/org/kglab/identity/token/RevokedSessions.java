package org.kglab.identity.token;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The revoked_sessions table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RevokedSessions extends GenericRepository<RevokedSession, UUID> {

    @Query("""
            INSERT INTO revoked_sessions (session_id, revoked_at, expires_at)
            VALUES (:sessionId, :revokedAt, :expiresAt)
            ON CONFLICT (session_id) DO NOTHING
            """)
    void insert(UUID sessionId, Instant revokedAt, Instant expiresAt);

    @Query("SELECT session_id FROM revoked_sessions WHERE expires_at > :now")
    List<UUID> findUnexpired(Instant now);

    @Query("DELETE FROM revoked_sessions WHERE expires_at <= :now")
    void deleteExpired(Instant now);
}
