package org.kglab.identity.oidc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OauthAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.TokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;

/**
 * GitHub is plain OAuth 2.0: there is no ID token, so the person is read from GitHub's API. Their
 * numeric id is the subject (logins can be renamed); the address is their primary one, and it
 * counts only if GitHub has verified it.
 */
@Singleton
@Named("github")
@Requires(property = OidcClients.PREFIX + "github.client-id")
final class GitHubAccountMapper implements OauthAuthenticationMapper {

    private final GitHubApi api;
    private final ProviderAccounts accounts;

    GitHubAccountMapper(GitHubApi api, ProviderAccounts accounts) {
        this.api = api;
        this.accounts = accounts;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(TokenResponse tokenResponse,
                                                                          @Nullable State state) {
        String token = tokenResponse.getAccessToken();
        return Mono.zip(api.user(token), api.emails(token))
                .flatMap(found -> accounts.authenticate(account(found.getT1(), found.getT2())));
    }

    static ExternalAccount account(GitHubApi.GitHubUser user, List<GitHubApi.GitHubEmail> emails) {
        Optional<GitHubApi.GitHubEmail> primary = emails.stream().filter(GitHubApi.GitHubEmail::primary).findFirst();
        return new ExternalAccount("github", Long.toString(user.id()),
                primary.map(GitHubApi.GitHubEmail::email).orElse(null),
                primary.map(GitHubApi.GitHubEmail::verified).orElse(false));
    }
}
