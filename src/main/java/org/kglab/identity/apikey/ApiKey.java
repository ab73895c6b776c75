package org.kglab.identity.apikey;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Scope;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** An API key as stored: its hash, never the key. {@code prefix} is its first characters, to tell keys apart. */
@MappedEntity("api_keys")
public record ApiKey(
        @Id UUID id,
        UUID ownerId,
        String name,
        String prefix,
        byte[] keyHash,
        String scopes,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public Set<Scope> scopeSet() {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(",")).map(Scope::fromId).forEach(set::add);
        return set;
    }
}
