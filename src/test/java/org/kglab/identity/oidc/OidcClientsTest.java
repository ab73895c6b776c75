package org.kglab.identity.oidc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcClientsTest {

    private static final String CLIENTS = "micronaut.security.oauth2.clients.";

    @Test
    void configuresNoProviderWithoutCredentials() {
        assertThat(OidcClients.fromEnvironment(Map.of("PATH", "/usr/bin"))).isEmpty();
    }

    @Test
    void configuresGoogleAsAnOpenIdIssuerWithPkce() {
        var properties = OidcClients.fromEnvironment(Map.of(
                "KGLAB_OIDC_GOOGLE_CLIENT_ID", "id.apps.googleusercontent.com", "KGLAB_OIDC_GOOGLE_CLIENT_SECRET", "s"));

        assertThat(properties).containsEntry(CLIENTS + "google.openid.issuer", "https://accounts.google.com")
                .containsEntry(CLIENTS + "google.client-id", "id.apps.googleusercontent.com")
                .containsEntry(CLIENTS + "google.openid.authorization.code-challenge-method", "S256")
                .containsEntry(CLIENTS + "google.scopes", List.of("openid", "email", "profile"));
        assertThat(properties.keySet()).allMatch(key -> key.startsWith(CLIENTS + "google."));
    }

    @Test
    void configuresGitHubAsPlainOAuthWithPkce() {
        var properties = OidcClients.fromEnvironment(Map.of(
                "KGLAB_OIDC_GITHUB_CLIENT_ID", "Iv1.abc", "KGLAB_OIDC_GITHUB_CLIENT_SECRET", "s"));

        assertThat(properties).containsEntry(CLIENTS + "github.authorization.url", "https://github.com/login/oauth/authorize")
                .containsEntry(CLIENTS + "github.token.url", "https://github.com/login/oauth/access_token")
                .containsEntry(CLIENTS + "github.authorization.code-challenge-method", "S256")
                .containsEntry(CLIENTS + "github.scopes", List.of("read:user", "user:email"))
                .doesNotContainKey(CLIENTS + "github.openid.issuer");
    }

    @Test
    void configuresAGenericIssuerAsOidc() {
        var properties = OidcClients.fromEnvironment(Map.of("KGLAB_OIDC_ISSUER", "https://id.example.org/realms/lab",
                "KGLAB_OIDC_CLIENT_ID", "kglab", "KGLAB_OIDC_CLIENT_SECRET", "s"));

        assertThat(properties).containsEntry(CLIENTS + "oidc.openid.issuer", "https://id.example.org/realms/lab")
                .containsEntry(CLIENTS + "oidc.openid.end-session.enabled", false);
    }

    @Test
    void refusesAHalfConfiguredProviderWithoutRevealingTheValue() {
        assertThatThrownBy(() -> OidcClients.fromEnvironment(Map.of("KGLAB_OIDC_GOOGLE_CLIENT_ID", "visible-id")))
                .hasMessageContaining("KGLAB_OIDC_GOOGLE_CLIENT_SECRET").hasMessageNotContaining("visible-id");
        assertThatThrownBy(() -> OidcClients.fromEnvironment(Map.of("KGLAB_OIDC_GITHUB_CLIENT_SECRET", "top-secret")))
                .hasMessageContaining("KGLAB_OIDC_GITHUB_CLIENT_ID").hasMessageNotContaining("top-secret");
        assertThatThrownBy(() -> OidcClients.fromEnvironment(Map.of("KGLAB_OIDC_CLIENT_ID", "id", "KGLAB_OIDC_CLIENT_SECRET", "s")))
                .hasMessageContaining("KGLAB_OIDC_ISSUER");
        assertThatThrownBy(() -> OidcClients.fromEnvironment(Map.of("KGLAB_OIDC_ISSUER", "https://id.example.org")))
                .hasMessageContaining("KGLAB_OIDC_CLIENT_ID");
    }
}
