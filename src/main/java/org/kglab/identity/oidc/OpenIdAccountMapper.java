package org.kglab.identity.oidc;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * Maps the claims of a validated ID token (Google, or any OpenID Connect issuer) to our account:
 * {@code sub} identifies the person at that provider, and {@code email} counts only when
 * {@code email_verified} is true.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
final class OpenIdAccountMapper implements OpenIdAuthenticationMapper {

    private final ProviderAccounts accounts;

    OpenIdAccountMapper(ProviderAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
            OpenIdTokenResponse tokenResponse, OpenIdClaims claims, @Nullable State state) {
        return accounts.authenticate(new ExternalAccount(providerName, claims.getSubject(), claims.getEmail(),
                isTrue(claims.get(OpenIdClaims.CLAIMS_EMAIL_VERIFIED))));
    }

    /** Some issuers send the flag as the string "true". */
    static boolean isTrue(@Nullable Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }
}
