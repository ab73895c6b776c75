package org.kglab.identity.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which sign-in providers exist, decided from their settings when the service starts: a provider
 * is configured only when its client credentials are set, so that with none set the service has no
 * OAuth client at all and never contacts a provider. (A configured OpenID client fetches its
 * issuer's discovery document at start-up, so a disabled-by-flag entry in application.yml would not
 * do: its absence is what keeps a service without credentials offline.) {@link ProviderPropertySources}
 * reads the settings from the configuration and hands the clients to Micronaut.
 */
public final class OidcClients {

    static final String PREFIX = "micronaut.security.oauth2.clients.";
    private static final String SETTING = "kglab.auth.oidc.providers.";
    /** Each provider setting, by the environment variable that sets it (bootstrap.yml maps one to the other). */
    static final Map<String, String> SETTINGS = Map.of(
            "KGLAB_OIDC_GOOGLE_CLIENT_ID", SETTING + "google.client-id",
            "KGLAB_OIDC_GOOGLE_CLIENT_SECRET", SETTING + "google.client-secret",
            "KGLAB_OIDC_GITHUB_CLIENT_ID", SETTING + "github.client-id",
            "KGLAB_OIDC_GITHUB_CLIENT_SECRET", SETTING + "github.client-secret",
            "KGLAB_OIDC_ISSUER", SETTING + "oidc.issuer",
            "KGLAB_OIDC_CLIENT_ID", SETTING + "oidc.client-id",
            "KGLAB_OIDC_CLIENT_SECRET", SETTING + "oidc.client-secret");
    private static final List<String> OPENID_SCOPES = List.of("openid", "email", "profile");

    private OidcClients() {
    }

    /**
     * Micronaut properties for each provider whose settings are set, given by variable name
     * (KGLAB_OIDC_GOOGLE_CLIENT_ID, ...).
     *
     * @throws IllegalStateException when a provider is half configured; names the missing variable, never a value
     */
    public static Map<String, Object> fromEnvironment(Map<String, String> env) {
        var properties = new LinkedHashMap<String, Object>();
        credentials(env, "KGLAB_OIDC_GOOGLE_").ifPresent(c ->
                openId(properties, "google", "https://accounts.google.com", c));
        credentials(env, "KGLAB_OIDC_GITHUB_").ifPresent(c -> gitHub(properties, c));
        credentials(env, "KGLAB_OIDC_").ifPresent(c -> openId(properties, "oidc", required(env, "KGLAB_OIDC_ISSUER"), c));
        if (!properties.containsKey(PREFIX + "oidc.client-id") && present(env, "KGLAB_OIDC_ISSUER")) {
            throw new IllegalStateException("KGLAB_OIDC_ISSUER is set: set KGLAB_OIDC_CLIENT_ID and "
                    + "KGLAB_OIDC_CLIENT_SECRET too, or unset it.");
        }
        return properties;
    }

    private static void openId(Map<String, Object> properties, String name, String issuer, Credentials credentials) {
        String client = PREFIX + name + ".";
        credentials.into(properties, client);
        properties.put(client + "scopes", OPENID_SCOPES);
        properties.put(client + "openid.issuer", issuer);
        // PKCE with S256 even when the discovery document does not list the methods it supports.
        properties.put(client + "openid.authorization.code-challenge-method", "S256");
        // Signing out is our logout mutation; the provider's own session is not ours to end.
        properties.put(client + "openid.end-session.enabled", false);
    }

    /** GitHub speaks OAuth 2.0 but not OpenID Connect: its addresses come from its API instead of an ID token. */
    private static void gitHub(Map<String, Object> properties, Credentials credentials) {
        String client = PREFIX + "github.";
        credentials.into(properties, client);
        properties.put(client + "scopes", List.of("read:user", "user:email"));
        properties.put(client + "authorization.url", "https://github.com/login/oauth/authorize");
        properties.put(client + "authorization.code-challenge-method", "S256");
        properties.put(client + "token.url", "https://github.com/login/oauth/access_token");
        properties.put(client + "token.auth-method", "client-secret-post");
    }

    private static Optional<Credentials> credentials(Map<String, String> env, String prefix) {
        boolean id = present(env, prefix + "CLIENT_ID");
        boolean secret = present(env, prefix + "CLIENT_SECRET");
        if (!id && !secret) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(required(env, prefix + "CLIENT_ID"),
                required(env, prefix + "CLIENT_SECRET")));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Sign-in provider half configured: " + name + " is not set.");
        }
        return value.strip();
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    private record Credentials(String clientId, String clientSecret) {

        void into(Map<String, Object> properties, String client) {
            properties.put(client + "client-id", clientId);
            properties.put(client + "client-secret", clientSecret);
        }

        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + "]";
        }
    }
}
