package org.kglab.identity.signin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Bounds on sign-in traffic.
 *
 * @param perClient          sign-in calls (register, login, refresh, logout, verification and password
 *                           reset) one client address may make per window
 * @param perClientWindow    the window of {@code perClient}
 * @param failuresBeforeLock failed logins to one account from one client address before that client
 *                           (and only that client) is locked out of that account
 * @param lock               how long such a lock lasts; failures are forgiven at the pace of
 *                           {@code failuresBeforeLock} per {@code lock}
 * @param accountFailuresBeforeDelay failed logins to one account, from all clients together, after
 *                           which clients that have failed on it must wait between guesses
 * @param accountDelayMax    the longest of those waits; they double from one second up to it
 * @param accountWindow      how long an account's failures, and the clients that failed, are remembered
 *                           after its last failure
 * @param mailPerAccount     verification and reset messages one address may be sent per {@code mailWindow}
 * @param mailWindow         the window of {@code mailPerAccount}
 */
@ConfigurationProperties("kglab.auth.limits")
record SignInLimitProperties(
        @Bindable(defaultValue = "30") int perClient,
        @Bindable(defaultValue = "1m") Duration perClientWindow,
        @Bindable(defaultValue = "5") int failuresBeforeLock,
        @Bindable(defaultValue = "15m") Duration lock,
        @Bindable(defaultValue = "10") int accountFailuresBeforeDelay,
        @Bindable(defaultValue = "5m") Duration accountDelayMax,
        @Bindable(defaultValue = "1h") Duration accountWindow,
        @Bindable(defaultValue = "5") int mailPerAccount,
        @Bindable(defaultValue = "1h") Duration mailWindow) {

    SignInLimitProperties {
        if (accountWindow.compareTo(lock) < 0 || accountWindow.compareTo(accountDelayMax) < 0) {
            throw new IllegalArgumentException(
                    "kglab.auth.limits.account-window must be at least as long as lock and account-delay-max");
        }
    }
}
