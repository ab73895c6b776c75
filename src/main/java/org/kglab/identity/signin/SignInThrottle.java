package org.kglab.identity.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Singleton;
import org.kglab.identity.user.Emails;

import java.time.Clock;
import java.time.Duration;

/**
 * Rate limits for the sign-in operations, held in memory (per instance), with time from the
 * injected clock. Failed logins are counted per account <em>and</em> client, so that whoever fails
 * against an account locks out only themselves, never the owner signing in from elsewhere; and per
 * account over all clients, which makes clients that have failed on it wait longer and longer
 * between guesses (see {@link AccountGuesses}), while a client that has not failed is never delayed.
 * The counts exist whether or not an account does, so they tell nothing about which addresses are
 * registered. Besides: a bucket per client address for all sign-in calls, and one per mailbox that
 * bounds how much account mail one address can be sent.
 */
@Singleton
public final class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final SignInLimitProperties limits;
    private final Clock clock;
    private final TimeMeter time;
    private final Cache<String, Bucket> clients;
    /** Per account and client; an entry also marks the client as one that has failed on the account. */
    private final Cache<AccountClient, Bucket> guesses;
    private final Cache<String, AccountGuesses> accounts;
    private final Cache<String, Bucket> mailboxes;

    SignInThrottle(SignInLimitProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        Ticker ticker = time::currentTimeNanos;
        this.clients = cache(ticker, limits.perClientWindow());
        this.guesses = cache(ticker, limits.accountWindow());
        this.accounts = cache(ticker, limits.accountWindow());
        this.mailboxes = cache(ticker, limits.mailWindow());
    }

    /** Counts one sign-in call from {@code client}; refuses it once the client is over its limit. */
    public void admitClient(String client) {
        take(clients.get(ClientAddresses.key(client), key -> bucket(limits.perClient(), limits.perClientWindow())));
    }

    /**
     * Refuses a login before its password is even checked when this client is locked out of the
     * account, or has failed on it before and the account is being guessed at too often.
     *
     * @param account the address as {@link Emails#key} spells it
     */
    public void checkLogin(String account, String client) {
        Bucket failures = guesses.getIfPresent(new AccountClient(account, ClientAddresses.key(client)));
        if (failures == null) {
            return;
        }
        if (failures.getAvailableTokens() <= 0) {
            throw new TooManyAttempts(Duration.ofNanos(failures.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
        AccountGuesses tally = accounts.getIfPresent(account);
        Duration wait = tally == null ? Duration.ZERO : tally.wait(clock.instant(), limits);
        if (wait.isPositive()) {
            throw new TooManyAttempts(wait);
        }
    }

    public void recordFailure(String account, String client) {
        guesses.get(new AccountClient(account, ClientAddresses.key(client)),
                key -> bucket(limits.failuresBeforeLock(), limits.lock())).tryConsume(1);
        accounts.get(account, key -> new AccountGuesses()).recordFailure(clock.instant(), limits.accountWindow());
    }

    /**
     * Counts one message (verification, reset) to {@code address}, so that nobody can flood a
     * mailbox; refuses it once the address is over its limit, whether or not it has an account.
     */
    public void admitAccountMail(String address) {
        take(mailboxes.get(address, key -> bucket(limits.mailPerAccount(), limits.mailWindow())));
    }

    /**
     * Like {@link #admitAccountMail}, for mail that is sent as a side effect: rather than refuse the
     * request, the caller leaves the message out.
     *
     * @return whether one more message to {@code address} is within its limit (and counts it)
     */
    public boolean allowsAccountMail(String address) {
        return mailboxes.get(address, key -> bucket(limits.mailPerAccount(), limits.mailWindow())).tryConsume(1);
    }

    /** Forgets every count and lock. */
    public void forgetAll() {
        clients.invalidateAll();
        guesses.invalidateAll();
        accounts.invalidateAll();
        mailboxes.invalidateAll();
    }

    private static void take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(int capacity, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static <K, V> Cache<K, V> cache(Ticker ticker, Duration idle) {
        return Caffeine.newBuilder().ticker(ticker).maximumSize(MAX_TRACKED).expireAfterAccess(idle).build();
    }

    private record AccountClient(String account, String client) {
    }
}
