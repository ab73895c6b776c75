package org.kglab.api.graphql;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Callers;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates a graphql-ws connection from its {@code connection_init} payload. A browser cannot set
 * headers on a WebSocket, so the payload carries what the headers would: {@code {"Authorization":
 * "Bearer <accessToken or API key>"}} or {@code {"X-API-Key": "kgl_…"}}. The credential goes through
 * the very token validators that authenticate HTTP requests, so the rules (expiry, revocation, scopes
 * of a key, disabled accounts) are one.
 */
@Singleton
final class SocketAuthenticator {

    private static final String BEARER = "bearer ";
    /** Validation reads a key or a revocation from the database at most; this bounds a stuck one. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_CREDENTIAL_CHARS = 4_096;

    private final List<TokenValidator<HttpRequest<?>>> validators;

    SocketAuthenticator(List<TokenValidator<HttpRequest<?>>> validators) {
        this.validators = validators;
    }

    /** The credential in a payload, with header names matched as HTTP matches them; null when there is none. */
    static @Nullable String credential(JsonNode payload) {
        String found = null;
        for (Map.Entry<String, JsonNode> entry : payload.entries()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            JsonNode value = entry.getValue();
            if (!value.isString()) {
                continue;
            }
            String text = value.getStringValue().strip();
            if (name.equals("authorization") && text.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                found = text.substring(BEARER.length()).strip();
            } else if (name.equals("x-api-key") && found == null) {
                found = text;
            }
        }
        return found == null || found.isEmpty() || found.length() > MAX_CREDENTIAL_CHARS ? null : found;
    }

    /** Whom the credential authenticates; empty when it authenticates no one (invalid, expired, revoked). */
    Optional<Caller> authenticate(String credential, HttpRequest<?> upgrade) {
        Authentication authentication = Flux.fromIterable(validators)
                .concatMap(validator -> validator.validateToken(credential, upgrade))
                .next()
                .block(TIMEOUT);
        return Optional.ofNullable(authentication).map(Callers::fromAuthentication);
    }
}
