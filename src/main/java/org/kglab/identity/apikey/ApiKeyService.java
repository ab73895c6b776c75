package org.kglab.identity.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Role;
import org.kglab.identity.access.Scope;
import org.kglab.identity.access.UserId;
import org.kglab.identity.token.InvalidAccessToken;
import org.kglab.identity.token.OpaqueTokens;
import org.kglab.identity.user.DisabledAccounts;
import org.kglab.identity.user.InvalidInput;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API keys for service clients. A key acts for the user who made it, limited to its scopes, and
 * never with the admin role. Keys are shown once and stored as SHA-256; they can expire, and the
 * owner can revoke them. Checking a key is one indexed lookup, remembered for a few seconds.
 */
@Singleton
public class ApiKeyService {

    public static final String PREFIX = "kgl_";
    static final int MAX_ACTIVE_KEYS = 50;
    static final int MAX_NAME_LENGTH = 100;
    private static final int SHOWN_PREFIX_LENGTH = 12;
    static final Duration RECHECK_AFTER = Duration.ofSeconds(10);
    /** lastUsedAt is kept to about this precision, so that a busy key does not write on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final DisabledAccounts disabled;
    private final AuditLog audit;
    private final Clock clock;
    /**
     * Keys found usable in the last few seconds, by hash, so that a busy client does not cost a
     * database round trip per request. Expiry and disabled accounts are still checked on every use,
     * and revoking here drops the entry at once; a revocation made on another instance takes effect
     * here within {@link #RECHECK_AFTER}.
     */
    private final Cache<String, ApiKey> recentlyFound = Caffeine.newBuilder()
            .expireAfterWrite(RECHECK_AFTER).maximumSize(10_000).build();

    ApiKeyService(ApiKeys keys, DisabledAccounts disabled, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.disabled = disabled;
        this.audit = audit;
        this.clock = clock;
    }

    public CreatedApiKey create(Caller caller, Origin origin, String name, Set<Scope> scopes,
                                @Nullable Instant expiresAt) {
        caller.requireSignedIn();
        String trimmed = name.strip();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        check(trimmed, scopes, expiresAt, now);
        if (keys.countActive(caller.id().value()) >= MAX_ACTIVE_KEYS) {
            throw new InvalidInput("You have " + MAX_ACTIVE_KEYS + " API keys already, the most allowed; "
                    + "revoke one you no longer use first.");
        }
        String key = OpaqueTokens.generate(PREFIX);
        UUID id = UUID.randomUUID();
        String scopeIds = scopes.stream().map(Scope::id).sorted().collect(Collectors.joining(","));
        keys.insert(id, caller.id().value(), trimmed, key.substring(0, SHOWN_PREFIX_LENGTH), OpaqueTokens.hash(key),
                scopeIds, now, expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS));
        audit.record(AuditAction.API_KEY_CREATED, caller.id().value(), id.toString(), origin,
                "name '" + trimmed + "', scopes " + scopeIds);
        return new CreatedApiKey(key, keys.findOwned(id, caller.id().value()).orElseThrow());
    }

    public List<ApiKey> list(Caller caller) {
        caller.requireSignedIn();
        return keys.findByOwner(caller.id().value());
    }

    /** Revoking a key that is already revoked changes nothing and is not an error. */
    public void revoke(Caller caller, Origin origin, String id) {
        caller.requireSignedIn();
        UUID keyId = parse(id);
        if (keys.revoke(keyId, caller.id().value(), clock.instant()) == 1) {
            recentlyFound.asMap().values().removeIf(key -> key.id().equals(keyId));
            audit.record(AuditAction.API_KEY_REVOKED, caller.id().value(), keyId.toString(), origin, null);
        } else if (keys.findOwned(keyId, caller.id().value()).isEmpty()) {
            throw new ApiKeyNotFound(id);
        }
    }

    /** @throws InvalidAccessToken when the key is unknown, revoked, expired, or its account disabled */
    public Caller authenticate(String key) {
        if (!OpaqueTokens.plausible(key, PREFIX)) {
            throw InvalidAccessToken.invalid();
        }
        Instant now = clock.instant();
        byte[] hash = OpaqueTokens.hash(key);
        ApiKey found = recentlyFound.getIfPresent(HexFormat.of().formatHex(hash));
        if (found == null) {
            found = keys.findUsable(hash, now).orElseThrow(InvalidAccessToken::invalid);
            recentlyFound.put(HexFormat.of().formatHex(hash), found);
        }
        UserId owner = new UserId(found.ownerId());
        if (disabled.contains(owner) || (found.expiresAt() != null && !found.expiresAt().isAfter(now))) {
            throw InvalidAccessToken.invalid();
        }
        if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            keys.touch(found.id(), now);
        }
        return new Caller(owner, Set.of(Role.USER), found.scopeSet(), found.id());
    }

    private static void check(String name, Set<Scope> scopes, @Nullable Instant expiresAt, Instant now) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("An API key needs a name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        if (scopes.isEmpty()) {
            throw new InvalidInput("An API key needs at least one scope: READ, WRITE or INGEST.");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInput("'expiresAt' must be in the future.");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiKeyNotFound(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
    }
}
