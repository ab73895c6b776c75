package org.kglab.identity.apikey;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Reads an API key sent as {@code X-API-Key: kgl_…}, the form many service clients expect. */
@Singleton
final class ApiKeyHeaderReader implements TokenReader<HttpRequest<?>> {

    static final String HEADER = "X-API-Key";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getHeaders().findFirst(HEADER).map(String::strip).filter(key -> !key.isEmpty());
    }
}
