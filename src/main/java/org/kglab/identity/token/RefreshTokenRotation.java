package org.kglab.identity.token;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.UserId;
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
public final class RefreshTokenRotation {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenRotation.class);
    private static final String PREFIX = "kglr_";

    private final RefreshTokens tokens;
    private final TransactionOperations<Connection> transactions;
    private final TokenProperties properties;
    private final SessionRevocations revocations;
    private final AuditLog audit;
    private final Clock clock;

    RefreshTokenRotation(RefreshTokens tokens, TransactionOperations<Connection> transactions,
                         TokenProperties properties, SessionRevocations revocations, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.transactions = transactions;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a new family for a fresh sign-in. */
    public Issued start(UserId user) {
        return issue(user.value(), UUID.randomUUID());
    }

    /** Uses up {@code presented} and returns its successor with the account it belongs to. */
    public Rotated rotate(String presented, Origin origin) {
        byte[] hash = hash(presented);
        Outcome outcome = transactions.executeWrite(status -> {
            RefreshToken current = tokens.findByHashForUpdate(hash).orElse(null);
            Instant now = clock.instant();
            if (current == null) {
                return Outcome.rejected();
            }
            if (current.used()) {
                // Committed before the caller sees the failure: the family stays revoked.
                revokeFamily(current.familyId(), now);
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
    public void revokeFamilyOf(String presented) {
        if (!OpaqueTokens.plausible(presented, PREFIX)) {
            return;
        }
        transactions.executeWrite(status -> {
            tokens.findByHashForUpdate(hash(presented))
                    .ifPresent(token -> revokeFamily(token.familyId(), clock.instant()));
            return null;
        });
    }

    /** Ends every sign-in of the user, and with them every access token they were given. */
    public void revokeAllOf(UserId user) {
        Instant now = clock.instant();
        tokens.revokeAllOf(user.value(), now);
        revocations.revokeAll(tokens.findFamiliesIssuedSince(user.value(), now.minus(revocations.lifetime())));
    }

    /** Ends one sign-in: its refresh tokens, and the access tokens issued with them. */
    private void revokeFamily(UUID familyId, Instant now) {
        tokens.revokeFamily(familyId, now);
        revocations.revoke(familyId);
    }

    private Issued issue(UUID userId, UUID familyId) {
        String token = OpaqueTokens.generate(PREFIX);
        Instant now = clock.instant();
        tokens.insert(UUID.randomUUID(), userId, familyId, hash(token), now, now.plus(properties.refreshTokenTtl()));
        return new Issued(token, familyId);
    }

    private static byte[] hash(String token) {
        if (!OpaqueTokens.plausible(token, PREFIX)) {
            throw new InvalidRefreshToken();
        }
        return OpaqueTokens.hash(token);
    }

    public record Rotated(UserId user, Issued refreshToken) {
    }

    /** A refresh token and the sign-in (family) it belongs to, which its access tokens name as {@code sid}. */
    public record Issued(String refreshToken, UUID familyId) {

        /** Leaves the token out, so that logging this record does not leak a credential. */
        @Override
        public String toString() {
            return "Issued[familyId=" + familyId + "]";
        }
    }

    private record Outcome(@org.jspecify.annotations.Nullable Rotated rotated) {
        static Outcome rejected() {
            return new Outcome(null);
        }
    }
}
