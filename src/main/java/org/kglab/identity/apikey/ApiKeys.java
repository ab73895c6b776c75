package org.kglab.identity.apikey;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The api_keys table. Every query but the lookup by hash is scoped to the owner. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeys extends GenericRepository<ApiKey, UUID> {

    @Query("""
            INSERT INTO api_keys (id, owner_id, name, prefix, key_hash, scopes, created_at, expires_at)
            VALUES (:id, :ownerId, :name, :prefix, :keyHash, :scopes, :createdAt, :expiresAt)
            """)
    void insert(UUID id, UUID ownerId, String name, String prefix, byte[] keyHash, String scopes, Instant createdAt,
                @Nullable Instant expiresAt);

    @Query("SELECT * FROM api_keys WHERE owner_id = :ownerId ORDER BY created_at DESC, id")
    List<ApiKey> findByOwner(UUID ownerId);

    @Query("SELECT * FROM api_keys WHERE id = :id AND owner_id = :ownerId")
    Optional<ApiKey> findOwned(UUID id, UUID ownerId);

    @Query("SELECT count(*) FROM api_keys WHERE owner_id = :ownerId AND revoked_at IS NULL")
    long countActive(UUID ownerId);

    /** A key that works now: not revoked, not expired, and its owner's account not disabled. */
    @Query("""
            SELECT k.* FROM api_keys k JOIN users u ON u.id = k.owner_id
            WHERE k.key_hash = :keyHash AND k.revoked_at IS NULL
              AND (k.expires_at IS NULL OR k.expires_at > :now) AND NOT u.disabled
            """)
    Optional<ApiKey> findUsable(byte[] keyHash, Instant now);

    @Query("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND owner_id = :ownerId AND revoked_at IS NULL")
    int revoke(UUID id, UUID ownerId, Instant at);

    /** Recorded at most once a minute per key, even when concurrent requests both decide to record. */
    @Query("""
            UPDATE api_keys SET last_used_at = :at
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:at AS timestamptz) - interval '1 minute')
            """)
    void touch(UUID id, Instant at);
}
