package org.kglab.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Bounds on sign-in traffic.
 *
 * @param perClient       sign-in calls (register, login, refresh, logout, verification and password
 *                        reset) one client address may make per window
 * @param perClientWindow the window of {@code perClient}
 * @param failuresBeforeLock failed logins to one account before it is locked
 * @param lock            how long a locked account stays locked (failures are forgiven at this pace)
 * @param mailPerAccount  verification and reset messages one address may be sent per {@code mailWindow}
 * @param mailWindow      the window of {@code mailPerAccount}
 */
@ConfigurationProperties("kglab.auth.limits")
record SignInLimitProperties(
        @Bindable(defaultValue = "30") int perClient,
        @Bindable(defaultValue = "1m") Duration perClientWindow,
        @Bindable(defaultValue = "5") int failuresBeforeLock,
        @Bindable(defaultValue = "15m") Duration lock,
        @Bindable(defaultValue = "5") int mailPerAccount,
        @Bindable(defaultValue = "1h") Duration mailWindow) {
}
