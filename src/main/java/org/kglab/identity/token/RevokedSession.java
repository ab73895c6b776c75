package org.kglab.identity.token;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A sign-in that was ended, kept until the last access token issued to it has expired. */
@MappedEntity("revoked_sessions")
record RevokedSession(@Id UUID sessionId, Instant revokedAt, Instant expiresAt) {
}
