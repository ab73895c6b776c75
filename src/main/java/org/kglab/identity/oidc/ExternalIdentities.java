package org.kglab.identity.oidc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The external_identities table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ExternalIdentities extends GenericRepository<ExternalIdentity, UUID> {

    Optional<ExternalIdentity> findByProviderAndSubject(String provider, String subject);

    /** A concurrent sign-in of the same person may have linked it first; that is not an error. */
    @Query("""
            INSERT INTO external_identities (id, provider, subject, user_id, email, created_at, last_sign_in_at)
            VALUES (:id, :provider, :subject, :userId, :email, :at, :at)
            ON CONFLICT (provider, subject) DO NOTHING
            """)
    int insertIfAbsent(UUID id, String provider, String subject, UUID userId, String email, Instant at);

    @Query("UPDATE external_identities SET last_sign_in_at = :at WHERE id = :id")
    void touch(UUID id, Instant at);
}
