package org.kglab.identity.oidc;

import org.junit.jupiter.api.Test;
import org.kglab.identity.oidc.GitHubApi.GitHubEmail;
import org.kglab.identity.oidc.GitHubApi.GitHubUser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GitHubAccountMapperTest {

    private static final GitHubUser OCTOCAT = new GitHubUser(583231, "octocat");

    @Test
    void usesTheNumericIdAndThePrimaryAddress() {
        ExternalAccount account = GitHubAccountMapper.account(OCTOCAT, List.of(
                new GitHubEmail("other@example.org", false, true), new GitHubEmail("octo@example.org", true, true)));

        assertThat(account).isEqualTo(new ExternalAccount("github", "583231", "octo@example.org", true));
    }

    @Test
    void anUnverifiedPrimaryAddressIsNotReplacedByAVerifiedSecondaryOne() {
        ExternalAccount account = GitHubAccountMapper.account(OCTOCAT, List.of(
                new GitHubEmail("other@example.org", false, true), new GitHubEmail("octo@example.org", true, false)));

        assertThat(account.email()).isEqualTo("octo@example.org");
        assertThat(account.emailVerified()).isFalse();
    }

    @Test
    void hasNoAddressWithoutAPrimaryOne() {
        assertThat(GitHubAccountMapper.account(OCTOCAT, List.of()).email()).isNull();
    }

    @Test
    void acceptsTheVerifiedFlagAsABooleanOrTheStringTrueOnly() {
        assertThat(OpenIdAccountMapper.isTrue(true)).isTrue();
        assertThat(OpenIdAccountMapper.isTrue("true")).isTrue();
        assertThat(OpenIdAccountMapper.isTrue(false)).isFalse();
        assertThat(OpenIdAccountMapper.isTrue("yes")).isFalse();
        assertThat(OpenIdAccountMapper.isTrue(null)).isFalse();
    }
}
