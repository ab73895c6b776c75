package org.kglab.identity.token;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How access and refresh tokens are made and checked. The defaults work with no configuration:
 * the signing key is generated on first start and kept under the data directory.
 *
 * @param issuer          {@code iss} of every access token; tokens with another issuer are refused
 * @param audience        {@code aud} of every access token; tokens for another audience are refused
 * @param accessTokenTtl  how long an access token is valid; short, because it cannot be revoked
 * @param refreshTokenTtl how long a refresh token is valid if it is never used
 * @param clockSkew       tolerance for clocks that disagree when checking {@code exp} and {@code iat}
 * @param signingKeysFile JWK Set (JSON) with the private EC P-256 keys that sign tokens, supplied by
 *                        the operator ({@code KGLAB_JWT_SIGNING_KEYS_FILE}); the first key signs and
 *                        all of them verify. When unset the keys live in
 *                        {@code <dataDir>/keys/signing-keys.jwks.json}, generated on first start.
 */
@ConfigurationProperties("kglab.auth.tokens")
public record TokenProperties(
        @Bindable(defaultValue = "kglab") String issuer,
        @Bindable(defaultValue = "kglab-api") String audience,
        @Bindable(defaultValue = "15m") Duration accessTokenTtl,
        @Bindable(defaultValue = "30d") Duration refreshTokenTtl,
        @Bindable(defaultValue = "30s") Duration clockSkew,
        @Nullable Path signingKeysFile) {

    public TokenProperties {
        if (!accessTokenTtl.isPositive() || !refreshTokenTtl.isPositive()) {
            throw new IllegalArgumentException("kglab.auth.tokens: token lifetimes must be positive");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("kglab.auth.tokens.clock-skew must not be negative");
        }
    }
}
