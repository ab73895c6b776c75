package org.kglab.identity.account;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Callers;
import org.kglab.identity.apikey.ApiKeyService;
import org.kglab.identity.token.InvalidAccessToken;
import org.reactivestreams.Publisher;

/**
 * Turns a bearer credential into the request's authentication: an API key ({@code kgl_…}, from
 * {@code Authorization: Bearer} or {@code X-API-Key}) or one of our access tokens. An invalid one
 * authenticates no one, and the access rules then refuse whatever is not public.
 */
@Singleton
final class BearerTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final IdentityService identity;
    private final ApiKeyService apiKeys;

    BearerTokenValidator(IdentityService identity, ApiKeyService apiKeys) {
        this.identity = identity;
        this.apiKeys = apiKeys;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        try {
            Caller caller = token.startsWith(ApiKeyService.PREFIX)
                    ? apiKeys.authenticate(token)
                    : identity.authenticate(token);
            return Publishers.just(Callers.toAuthentication(caller));
        } catch (InvalidAccessToken e) {
            return Publishers.empty();
        }
    }
}
