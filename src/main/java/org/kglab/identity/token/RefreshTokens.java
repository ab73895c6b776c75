package org.kglab.identity.token;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The refresh_tokens table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokens extends GenericRepository<RefreshToken, UUID> {

    @Query("""
            INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)
            VALUES (:id, :userId, :familyId, :tokenHash, :createdAt, :expiresAt)
            """)
    void insert(UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant createdAt, Instant expiresAt);

    /** Locks the row, so that two concurrent refreshes with one token cannot both succeed. */
    @Query("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash);

    @Query("UPDATE refresh_tokens SET used_at = :at WHERE id = :id")
    void markUsed(UUID id, Instant at);

    @Query("UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :familyId AND revoked_at IS NULL")
    void revokeFamily(UUID familyId, Instant at);

    @Query("UPDATE refresh_tokens SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
    void revokeAllOf(UUID userId, Instant at);

    /** The user's sign-ins that may still have a valid access token: one issued since {@code since}. */
    @Query("SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = :userId AND created_at > :since")
    List<UUID> findFamiliesIssuedSince(UUID userId, Instant since);
}
