package org.kglab.identity.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Duration;

/**
 * The links that account mail carries, and how long they work.
 *
 * @param publicUrl           where people reach this service; without link templates, mail links open
 *                            its GraphQL playground with the right mutation filled in
 * @param verifyEmailUrl      a front end's page for verifying, with {@code {token}} where the token goes
 * @param resetPasswordUrl    a front end's page for choosing a new password, with {@code {token}}
 * @param verificationTtl     how long a verification link works
 * @param passwordResetTtl    how long a reset link works; short, since it grants the account
 */
@ConfigurationProperties("kglab.auth.mail")
public record AccountMailProperties(
        @Bindable(defaultValue = "http://localhost:8080") URI publicUrl,
        @Nullable String verifyEmailUrl,
        @Nullable String resetPasswordUrl,
        @Bindable(defaultValue = "24h") Duration verificationTtl,
        @Bindable(defaultValue = "1h") Duration passwordResetTtl) {
}
