package org.kglab.identity;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues refresh tokens and rotates them. Each token can be used once; presenting a spent one
 * means it was stolen or replayed, so the whole family (every token descended from that sign-in)
 * is revoked, and the legitimate holder has to sign in again too.
 */
@Singleton
final class RefreshTokenRotation {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenRotation.class);
    private static final String PREFIX = "kglr_";

    private final RefreshTokens tokens;
    private final TransactionOperations<Connection> transactions;
    private final TokenProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    RefreshTokenRotation(RefreshTokens tokens, TransactionOperations<Connection> transactions,
                         TokenProperties properties, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a new family for a fresh sign-in. */
    String start(UserId user) {
        return issue(user.value(), UUID.randomUUID());
    }

    /** Uses up {@code presented} and returns its successor with the account it belongs to. */
    Rotated rotate(String presented, Origin origin) {
        byte[] hash = hash(presented);
        Outcome outcome = transactions.executeWrite(status -> {
            RefreshToken current = tokens.findByHashForUpdate(hash).orElse(null);
            Instant now = clock.instant();
            if (current == null) {
                return Outcome.rejected();
            }
            if (current.used()) {
                // Committed before the caller sees the failure: the family stays revoked.
                tokens.revokeFamily(current.familyId(), now);
                LOG.warn("Refresh token reuse for user {}: token family {} revoked", current.userId(),
                        current.familyId());
                audit.record(AuditAction.REFRESH_TOKEN_REUSED, current.userId(), current.userId().toString(), origin,
                        "token family " + current.familyId() + " revoked");
                return Outcome.rejected();
            }
            if (current.revoked() || !current.expiresAt().isAfter(now)) {
                return Outcome.rejected();
            }
            tokens.markUsed(current.id(), now);
            return new Outcome(new Rotated(new UserId(current.userId()),
                    issue(current.userId(), current.familyId())));
        });
        if (outcome.rotated() == null) {
            throw new InvalidRefreshToken();
        }
        return outcome.rotated();
    }

    /** Revokes the family of {@code presented}; unknown tokens are ignored, so logout never fails. */
    void revokeFamilyOf(String presented) {
        if (!OpaqueTokens.plausible(presented, PREFIX)) {
            return;
        }
        transactions.executeWrite(status -> {
            tokens.findByHashForUpdate(hash(presented))
                    .ifPresent(token -> tokens.revokeFamily(token.familyId(), clock.instant()));
            return null;
        });
    }

    void revokeAllOf(UserId user) {
        tokens.revokeAllOf(user.value(), clock.instant());
    }

    private String issue(UUID userId, UUID familyId) {
        String token = OpaqueTokens.generate(PREFIX);
        Instant now = clock.instant();
        tokens.insert(UUID.randomUUID(), userId, familyId, hash(token), now, now.plus(properties.refreshTokenTtl()));
        return token;
    }

    private static byte[] hash(String token) {
        if (!OpaqueTokens.plausible(token, PREFIX)) {
            throw new InvalidRefreshToken();
        }
        return OpaqueTokens.hash(token);
    }

    record Rotated(UserId user, String refreshToken) {
    }

    private record Outcome(@org.jspecify.annotations.Nullable Rotated rotated) {
        static Outcome rejected() {
            return new Outcome(null);
        }
    }
}
