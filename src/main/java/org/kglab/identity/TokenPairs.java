package org.kglab.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Puts an access token for the user next to a refresh token. */
final class TokenPairs {

    private TokenPairs() {
    }

    static TokenPair of(AccessTokens accessTokens, Clock clock, User user, String refreshToken) {
        Set<String> roles = user.roleSet().stream().map(Role::id).collect(Collectors.toSet());
        AccessTokens.IssuedAccessToken access = accessTokens.issue(user.id(), roles);
        long expiresIn = Duration.between(clock.instant(), access.expiresAt()).toSeconds();
        return new TokenPair(access.value(), refreshToken, expiresIn);
    }
}
