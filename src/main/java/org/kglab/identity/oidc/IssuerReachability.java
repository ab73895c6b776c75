package org.kglab.identity.oidc;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Checks at start-up, in the background, that every configured OpenID issuer answers its discovery
 * document, and says so clearly when one does not. The service starts either way: sign-in through
 * that provider then answers 503 (see {@link ProviderRoutes}) until the issuer can be reached.
 */
@Singleton
final class IssuerReachability {

    private static final Logger LOG = LoggerFactory.getLogger(IssuerReachability.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<OauthClientConfiguration> clients;

    IssuerReachability(List<OauthClientConfiguration> clients) {
        this.clients = clients;
    }

    @EventListener
    void check(StartupEvent event) {
        for (OauthClientConfiguration client : clients) {
            client.getOpenid().flatMap(openId -> openId.getIssuer())
                    .ifPresent(issuer -> Thread.ofVirtual().name("issuer-check-" + client.getName())
                            .start(() -> check(client.getName(), issuer)));
        }
    }

    private static void check(String provider, URL issuer) {
        URI discovery = URI.create(issuer.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            int status = http.send(HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                warn(provider, issuer, "it answered HTTP " + status);
            }
        } catch (IOException e) {
            warn(provider, issuer, "it cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warn(String provider, URL issuer, String why) {
        LOG.warn("Sign-in through '{}' is unavailable: its OpenID issuer {} does not serve its discovery document, "
                + "{}. The service runs without it; /oauth/login/{} answers 503 until the issuer answers.",
                provider, issuer, why, provider);
    }
}
