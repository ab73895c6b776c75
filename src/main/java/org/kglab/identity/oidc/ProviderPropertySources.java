package org.kglab.identity.oidc;

import io.micronaut.context.annotation.BootstrapContextCompatible;
import io.micronaut.context.env.BootstrapPropertySourceLocator;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the provider settings ({@code kglab.auth.oidc.providers.*} in bootstrap.yml, set through the
 * KGLAB_OIDC_* variables) into Micronaut Security's OAuth clients, before the application context reads its
 * configuration. It runs in Micronaut's bootstrap context, so the clients are ordinary configuration of the
 * main context (the tests may set clients of their own the same way), and a provider without credentials
 * is absent rather than disabled.
 */
@Singleton
@BootstrapContextCompatible
final class ProviderPropertySources implements BootstrapPropertySourceLocator {

    static final String NAME = "kglab-oidc-clients";

    @Override
    public Iterable<PropertySource> findPropertySources(Environment environment) {
        Map<String, String> settings = new HashMap<>();
        OidcClients.SETTINGS.forEach((variable, key) ->
                environment.getProperty(key, String.class).ifPresent(value -> settings.put(variable, value)));
        return List.of(PropertySource.of(NAME, OidcClients.fromEnvironment(settings)));
    }
}
