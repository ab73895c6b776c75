package org.kglab.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A one-time sign-in code as stored: only its hash. */
@MappedEntity("sign_in_codes")
record SignInCode(@Id UUID id, byte[] codeHash, UUID userId, Instant createdAt, Instant expiresAt,
                  @Nullable Instant usedAt) {

    boolean redeemableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
