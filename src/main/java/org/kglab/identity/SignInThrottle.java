package org.kglab.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Rate limits for the sign-in operations, with Bucket4j token buckets held in memory (per
 * instance): one bucket per client address for all sign-in calls, and one per email address that
 * only failed logins drain, which locks the account for a while once empty. The email bucket exists
 * whether or not an account does, so a lock tells nothing about which addresses are registered.
 * A third kind, per email address, bounds how much account mail one mailbox can be sent.
 */
@Singleton
final class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final SignInLimitProperties limits;
    private final Cache<String, Bucket> clients;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> mailboxes;

    SignInThrottle(SignInLimitProperties limits) {
        this.limits = limits;
        this.clients = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(limits.perClientWindow()).build();
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(limits.lock()).build();
        this.mailboxes = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(limits.mailWindow()).build();
    }

    /** Counts one sign-in call from {@code client}; refuses it once the client is over its limit. */
    void admitClient(String client) {
        take(clients.get(client, key -> bucket(limits.perClient(), limits.perClientWindow())));
    }

    /** Refuses a login to a locked account before its password is even checked. */
    void checkNotLocked(String email) {
        Bucket bucket = accounts.getIfPresent(email);
        if (bucket != null && bucket.getAvailableTokens() <= 0) {
            throw new TooManyAttempts(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
    }

    void recordFailure(String email) {
        accounts.get(email, key -> bucket(limits.failuresBeforeLock(), limits.lock())).tryConsume(1);
    }

    /**
     * Counts one message (verification, reset) to {@code address}, so that nobody can flood a
     * mailbox; refuses it once the address is over its limit, whether or not it has an account.
     */
    void admitAccountMail(String address) {
        take(mailboxes.get(address, key -> bucket(limits.mailPerAccount(), limits.mailWindow())));
    }

    /** Forgets every count and lock. */
    void forgetAll() {
        clients.invalidateAll();
        accounts.invalidateAll();
        mailboxes.invalidateAll();
    }

    private static void take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static Bucket bucket(int capacity, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }
}
