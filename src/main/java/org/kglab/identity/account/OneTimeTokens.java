package org.kglab.identity.account;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.kglab.identity.access.UserId;
import org.kglab.identity.token.OpaqueTokens;

import java.sql.Connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

/** Issues and redeems single-use, expiring tokens: those account mail carries, and provider sign-in codes. */
@Singleton
public final class OneTimeTokens {

    private final AccountTokens tokens;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    OneTimeTokens(AccountTokens tokens, TransactionOperations<Connection> transactions, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    public String issue(UserId user, AccountTokenPurpose purpose, Duration ttl) {
        String token = OpaqueTokens.generate(purpose.prefix());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tokens.deleteExpiredBefore(now);
        tokens.insert(UUID.randomUUID(), user.value(), purpose.name(), OpaqueTokens.hash(token), now, now.plus(ttl));
        return token;
    }

    /**
     * Uses the token up, in the caller's transaction (or one of its own), so that it is spent only
     * if what it authorises commits too.
     * @param invalid what to throw when the token is unknown, used, expired or for another purpose
     * @return the account the token was issued to
     */
    public UserId redeem(String token, AccountTokenPurpose purpose, Supplier<? extends RuntimeException> invalid) {
        String presented = token.strip();
        if (!OpaqueTokens.plausible(presented, purpose.prefix())) {
            throw invalid.get();
        }
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            AccountToken live = tokens.findLiveForUpdate(OpaqueTokens.hash(presented), purpose.name(), now)
                    .orElseThrow(invalid);
            tokens.markUsed(live.id(), now);
            return new UserId(live.userId());
        });
    }

    void spendAll(UserId user, AccountTokenPurpose purpose) {
        tokens.spendAll(user.value(), purpose.name(), clock.instant());
    }
}
