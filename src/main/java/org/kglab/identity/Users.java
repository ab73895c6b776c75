package org.kglab.identity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The users table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Users extends GenericRepository<User, UUID> {

    Optional<User> findById(UUID id);

    Optional<User> findByEmail(String email);

    /** @return 1 if created, 0 if the email is already taken (no exception, no aborted transaction) */
    @Query("""
            INSERT INTO users (id, email, password_hash, role, created_at)
            VALUES (:id, :email, :passwordHash, :role, :createdAt)
            ON CONFLICT (email) DO NOTHING
            """)
    int insertIfAbsent(UUID id, String email, String passwordHash, String role, Instant createdAt);
}
