package org.kglab.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One refresh token of a family, as stored: only its hash, never the token itself. */
@MappedEntity("refresh_tokens")
record RefreshToken(@Id UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant createdAt, Instant expiresAt,
                    @Nullable Instant usedAt, @Nullable Instant revokedAt) {

    boolean spent() {
        return usedAt != null || revokedAt != null;
    }
}
