package org.kglab.identity.user;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The users table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface Users extends GenericRepository<User, UUID> {

    Optional<User> findById(UUID id);

    Optional<User> findByEmail(String email);

    /** @return 1 if created, 0 if the email is already taken (no exception, no aborted transaction) */
    @Query("""
            INSERT INTO users (id, email, password_hash, role, created_at)
            VALUES (:id, :email, :passwordHash, :role, :createdAt)
            ON CONFLICT (email) DO NOTHING
            """)
    int insertIfAbsent(UUID id, String email, String passwordHash, String role, Instant createdAt);

    @Query("UPDATE users SET password_hash = :passwordHash WHERE id = :id")
    void updatePassword(UUID id, String passwordHash);

    @Query("UPDATE users SET email_verified = true WHERE id = :id")
    void markEmailVerified(UUID id);

    @Query("UPDATE users SET disabled = :disabled WHERE id = :id")
    void updateDisabled(UUID id, boolean disabled);

    @Query("UPDATE users SET role = :role WHERE id = :id")
    void updateRole(UUID id, String role);

    /** Keyset page in email order, after {@code afterEmail} ("" for the first page). */
    @Query("SELECT * FROM users WHERE email > :afterEmail ORDER BY email LIMIT :limit")
    List<User> pageByEmail(String afterEmail, int limit);

    @Query("SELECT id FROM users WHERE disabled")
    List<UUID> findDisabledIds();

    /**
     * An account for an address a sign-in provider has verified: no password, so it signs in through
     * providers only (or after a password reset).
     *
     * @return 1 if created, 0 if the email is already taken
     */
    @Query("""
            INSERT INTO users (id, email, password_hash, role, email_verified, created_at)
            VALUES (:id, :email, NULL, :role, true, :createdAt)
            ON CONFLICT (email) DO NOTHING
            """)
    int insertVerifiedIfAbsent(UUID id, String email, String role, Instant createdAt);

    /**
     * A provider proved that someone controls the address of an account whose owner never did: the
     * address is now verified, and a password set by whoever registered it no longer works.
     */
    @Query("UPDATE users SET email_verified = true, password_hash = NULL WHERE id = :id AND NOT email_verified")
    void claimUnverified(UUID id);
}
