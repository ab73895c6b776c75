package org.kglab.identity.oidc;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider settings travel through Micronaut's configuration: bootstrap.yml's placeholders, read in the
 * bootstrap context, become OAuth clients of the main environment. The settings are given here under the
 * names of the environment variables, which the placeholders resolve just as they resolve the variables.
 */
class ProviderPropertySourcesTest {

    private static final String CLIENTS = "micronaut.security.oauth2.clients";

    @Test
    void aProviderWithCredentialsBecomesAnOauthClient() {
        Environment environment = environment(Map.of(
                "KGLAB_OIDC_GITHUB_CLIENT_ID", "Iv1.abc", "KGLAB_OIDC_GITHUB_CLIENT_SECRET", "s3cret",
                "KGLAB_OIDC_ISSUER", "https://id.example.org/realms/lab",
                "KGLAB_OIDC_CLIENT_ID", "kglab", "KGLAB_OIDC_CLIENT_SECRET", "other"));

        assertThat(environment.getProperty(CLIENTS + ".github.client-id", String.class)).contains("Iv1.abc");
        assertThat(environment.getProperty(CLIENTS + ".github.client-secret", String.class)).contains("s3cret");
        assertThat(environment.getProperty(CLIENTS + ".github.token.url", String.class))
                .contains("https://github.com/login/oauth/access_token");
        assertThat(environment.getProperty(CLIENTS + ".oidc.openid.issuer", String.class))
                .contains("https://id.example.org/realms/lab");
        assertThat(environment.getProperty(CLIENTS + ".oidc.scopes", List.class)).contains(List.of("openid", "email", "profile"));
        assertThat(environment.getPropertyEntries(CLIENTS)).containsExactlyInAnyOrder("github", "oidc");
    }

    @Test
    void withoutCredentialsThereIsNoClientAtAll() {
        Environment environment = environment(Map.of("KGLAB_OIDC_GOOGLE_CLIENT_ID", " ", "KGLAB_OIDC_GOOGLE_CLIENT_SECRET", ""));

        assertThat(environment.getPropertyEntries(CLIENTS)).isEmpty();
        assertThat(environment.containsProperties(CLIENTS)).isFalse();
    }

    @Test
    void aHalfConfiguredProviderStopsTheStartNamingTheMissingSetting() {
        assertThatThrownBy(() -> environment(Map.of("KGLAB_OIDC_GOOGLE_CLIENT_ID", "visible-id")))
                .hasStackTraceContaining("KGLAB_OIDC_GOOGLE_CLIENT_SECRET")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("visible-id"));
    }

    private static Environment environment(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().properties(properties).build();
        Environment environment = context.getEnvironment();
        environment.start();
        return environment;
    }

    private static String stackTrace(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
