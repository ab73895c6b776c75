package org.kglab.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Sign-in through an external provider, in two steps. When the provider's callback succeeds the
 * account is linked and a one-time sign-in code is issued; the browser carries only that code
 * (tokens never go into a URL, where logs and history would keep them). The client then exchanges
 * the code, once and within minutes, for the same access and refresh tokens a password login gives.
 */
@Singleton
public class ProviderSignIn {

    private static final String PREFIX = "kglc_";
    private static final int MAX_CODE_LENGTH = 128;

    private final AccountLinking linking;
    private final SignInCodes codes;
    private final Users users;
    private final IdentityService identity;
    private final RefreshTokenRotation refreshTokens;
    private final SignInThrottle throttle;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration codeTtl;
    private final SecureRandom random = new SecureRandom();

    @SuppressWarnings("java:S107") // one collaborator per concern; grouping them would only hide that
    ProviderSignIn(AccountLinking linking, SignInCodes codes, Users users, IdentityService identity,
                   RefreshTokenRotation refreshTokens, SignInThrottle throttle,
                   TransactionOperations<Connection> transactions, Clock clock,
                   @Value("${kglab.auth.oidc.sign-in-code-ttl:2m}") Duration codeTtl) {
        this.linking = linking;
        this.codes = codes;
        this.users = users;
        this.identity = identity;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.transactions = transactions;
        this.clock = clock;
        this.codeTtl = codeTtl;
    }

    /**
     * Links the provider's account to ours, creating ours if needed.
     *
     * @throws SignInRefused when the provider's address is missing or unverified, or the account is disabled
     */
    public UserId link(ExternalAccount account) {
        return linking.link(account).userId();
    }

    /** A one-time code that {@link #complete} exchanges for tokens; only its hash is stored. */
    public String issueCode(UserId user) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String code = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        codes.deleteExpiredBefore(now);
        codes.insert(UUID.randomUUID(), hash(code), user.value(), now, now.plus(codeTtl));
        return code;
    }

    /**
     * Exchanges a sign-in code for tokens, starting a new refresh-token family. Sign-in calls are
     * limited per client address; {@code client} is that address.
     *
     * @throws InvalidSignInCode when the code is unknown, expired or used, or the account was disabled since
     */
    public TokenPair complete(String client, String code) {
        throttle.admitClient(client);
        if (code.length() > MAX_CODE_LENGTH) {
            throw new InvalidSignInCode();
        }
        UUID userId = transactions.executeWrite(status -> {
            Instant now = clock.instant();
            SignInCode stored = codes.findByHashForUpdate(hash(code)).filter(c -> c.redeemableAt(now)).orElse(null);
            if (stored == null) {
                return null;
            }
            codes.markUsed(stored.id(), now);
            return stored.userId();
        });
        if (userId == null) {
            throw new InvalidSignInCode();
        }
        User user = users.findById(userId).filter(u -> !u.disabled()).orElseThrow(InvalidSignInCode::new);
        return identity.pairFor(user, refreshTokens.start(user.userId()));
    }

    private static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
