package org.kglab.identity.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenSignatureValidator;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Checks the signature of the ID tokens that OpenID providers return, against each provider's
 * JWKS; the library checks their claims (issuer, audience, expiry, nonce) itself.
 *
 * <p>This replaces micronaut-security-jwt's own validator, switched off in application.yml. That one
 * is also a {@link io.micronaut.security.token.validator.TokenValidator}: it would accept any
 * provider-signed JWT as a bearer token for our API, and, with no provider configured, even an
 * unsigned one. API requests are authenticated by our own access tokens only, so
 * {@link #validateToken} authenticates nobody, and only signed tokens are ever accepted here.
 */
@Singleton
final class IdTokenSignatures implements ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> {

    private final JsonWebTokenParser<JWT> parser;
    private final ReactiveJsonWebTokenSignatureValidator<SignedJWT> signatures;

    IdTokenSignatures(JsonWebTokenParser<JWT> parser, ReactiveJsonWebTokenSignatureValidator<SignedJWT> signatures) {
        this.parser = parser;
        this.signatures = signatures;
    }

    @Override
    public Publisher<JWT> validate(String token, @Nullable HttpRequest<?> request) {
        if (!(parser.parse(token).orElse(null) instanceof SignedJWT signed)) {
            return Mono.empty();
        }
        return Mono.from(signatures.validateSignature(signed)).filter(Boolean::booleanValue).map(valid -> signed);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        return Publishers.empty();
    }
}
