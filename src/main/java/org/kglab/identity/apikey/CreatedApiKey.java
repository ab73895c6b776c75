package org.kglab.identity.apikey;

/** A new API key: {@code key} is the secret, returned this once and never again. */
public record CreatedApiKey(String key, ApiKey apiKey) {
}
