package org.kglab.identity;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Issues and redeems the single-use, expiring tokens that account mail carries. */
@Singleton
final class OneTimeTokens {

    private final AccountTokens tokens;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    OneTimeTokens(AccountTokens tokens, TransactionOperations<Connection> transactions, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    String issue(UserId user, AccountTokenPurpose purpose, Duration ttl) {
        String token = OpaqueTokens.generate(purpose.prefix());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tokens.insert(UUID.randomUUID(), user.value(), purpose.name(), OpaqueTokens.hash(token), now, now.plus(ttl));
        return token;
    }

    /**
     * Uses the token up, in the caller's transaction (or one of its own), so that it is spent only
     * if what it authorises commits too.
     * @return the account the token was issued to
     */
    UserId redeem(String token, AccountTokenPurpose purpose, String what) {
        String presented = token.strip();
        if (!OpaqueTokens.plausible(presented, purpose.prefix())) {
            throw new InvalidAccountToken(what);
        }
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            AccountToken live = tokens.findLiveForUpdate(OpaqueTokens.hash(presented), purpose.name(), now)
                    .orElseThrow(() -> new InvalidAccountToken(what));
            tokens.markUsed(live.id(), now);
            return new UserId(live.userId());
        });
    }

    void spendAll(UserId user, AccountTokenPurpose purpose) {
        tokens.spendAll(user.value(), purpose.name(), clock.instant());
    }
}
