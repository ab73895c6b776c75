package org.kglab.identity.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The account_tokens table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountTokens extends GenericRepository<AccountToken, UUID> {

    @Query("""
            INSERT INTO account_tokens (id, user_id, purpose, token_hash, created_at, expires_at)
            VALUES (:id, :userId, :purpose, :tokenHash, :createdAt, :expiresAt)
            """)
    void insert(UUID id, UUID userId, String purpose, byte[] tokenHash, Instant createdAt, Instant expiresAt);

    /** An unused, unexpired token for this purpose, locked so that two concurrent uses cannot both succeed. */
    @Query("""
            SELECT * FROM account_tokens
            WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
            FOR UPDATE
            """)
    Optional<AccountToken> findLiveForUpdate(byte[] tokenHash, String purpose, Instant now);

    @Query("UPDATE account_tokens SET used_at = :now WHERE id = :id")
    void markUsed(UUID id, Instant now);

    @Query("DELETE FROM account_tokens WHERE expires_at < :before")
    void deleteExpiredBefore(Instant before);

    /** Spends every other live token of the purpose, e.g. older reset links once one has been used. */
    @Query("""
            UPDATE account_tokens SET used_at = :now
            WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL
            """)
    void spendAll(UUID userId, String purpose, Instant now);
}
