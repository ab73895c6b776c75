package org.kglab.identity.oidc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A provider's identity (provider + subject) linked to one of our accounts. */
@MappedEntity("external_identities")
record ExternalIdentity(@Id UUID id, String provider, String subject, UUID userId, String email, Instant createdAt,
                        Instant lastSignInAt) {
}
