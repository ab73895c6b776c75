package org.kglab.identity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The sign_in_codes table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SignInCodes extends GenericRepository<SignInCode, UUID> {

    @Query("""
            INSERT INTO sign_in_codes (id, code_hash, user_id, created_at, expires_at)
            VALUES (:id, :codeHash, :userId, :createdAt, :expiresAt)
            """)
    void insert(UUID id, byte[] codeHash, UUID userId, Instant createdAt, Instant expiresAt);

    /** Locks the row, so that two concurrent exchanges of one code cannot both succeed. */
    @Query("SELECT * FROM sign_in_codes WHERE code_hash = :codeHash FOR UPDATE")
    Optional<SignInCode> findByHashForUpdate(byte[] codeHash);

    @Query("UPDATE sign_in_codes SET used_at = :at WHERE id = :id")
    void markUsed(UUID id, Instant at);

    /** Codes live for minutes; anything expired is of no use to anyone. */
    @Query("DELETE FROM sign_in_codes WHERE expires_at < :before")
    void deleteExpiredBefore(Instant before);
}
