package org.kglab.identity.account;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A single-use token, as stored: its hash only. */
@MappedEntity("account_tokens")
record AccountToken(
        @Id UUID id,
        UUID userId,
        AccountTokenPurpose purpose,
        byte[] tokenHash,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant usedAt) {
}
