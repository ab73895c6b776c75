package org.kglab.identity.token;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One refresh token of a family, as stored: only its hash, never the token itself. */
@MappedEntity("refresh_tokens")
record RefreshToken(@Id UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant createdAt, Instant expiresAt,
                    @Nullable Instant usedAt, @Nullable Instant revokedAt) {

    /** Already exchanged for a successor: presenting it again means it was copied. */
    boolean used() {
        return usedAt != null;
    }

    boolean revoked() {
        return revokedAt != null;
    }
}
