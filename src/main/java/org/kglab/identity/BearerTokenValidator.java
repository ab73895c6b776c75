package org.kglab.identity;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Turns a bearer access token into the request's authentication. An invalid token authenticates
 * no one, and the access rules then refuse whatever is not public.
 */
@Singleton
final class BearerTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final IdentityService identity;

    BearerTokenValidator(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        try {
            return Publishers.just(Callers.toAuthentication(identity.authenticate(token)));
        } catch (InvalidAccessToken e) {
            return Publishers.empty();
        }
    }
}
