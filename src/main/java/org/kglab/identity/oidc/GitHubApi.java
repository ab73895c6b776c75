package org.kglab.identity.oidc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The two GitHub REST calls a sign-in needs, with the user's OAuth access token: who they are, and
 * their addresses with GitHub's verdict on each. The base URL is configurable
 * ({@code kglab.auth.oidc.github.api-url}) for GitHub Enterprise and for tests.
 */
@Singleton
@Requires(property = OidcClients.PREFIX + "github.client-id")
final class GitHubApi {

    private final HttpClient client;

    GitHubApi(@Client("${kglab.auth.oidc.github.api-url}") HttpClient client) {
        this.client = client;
    }

    Mono<GitHubUser> user(String accessToken) {
        return Mono.from(client.retrieve(request("/user", accessToken), GitHubUser.class));
    }

    Mono<List<GitHubEmail>> emails(String accessToken) {
        return Mono.from(client.retrieve(request("/user/emails", accessToken), Argument.listOf(GitHubEmail.class)));
    }

    private static HttpRequest<?> request(String path, String accessToken) {
        return HttpRequest.GET(path)
                .bearerAuth(accessToken)
                .accept("application/vnd.github+json")
                .header(HttpHeaders.USER_AGENT, "kglab-backend")
                .header("X-GitHub-Api-Version", "2022-11-28");
    }

    @Serdeable
    record GitHubUser(long id, String login) {
    }

    @Serdeable
    record GitHubEmail(String email, boolean primary, boolean verified) {
    }
}
