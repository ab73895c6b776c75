package org.kglab.identity.account;

import org.kglab.identity.access.Role;
import org.kglab.identity.token.AccessTokens;
import org.kglab.identity.token.RefreshTokenRotation;
import org.kglab.identity.token.TokenPair;
import org.kglab.identity.user.User;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Puts an access token for the user next to a refresh token. */
final class TokenPairs {

    private TokenPairs() {
    }

    /** @param session the sign-in (refresh-token family) both belong to */
    static TokenPair of(AccessTokens accessTokens, Clock clock, User user, RefreshTokenRotation.Issued session) {
        Set<String> roles = user.roleSet().stream().map(Role::id).collect(Collectors.toSet());
        AccessTokens.IssuedAccessToken access = accessTokens.issue(user.id(), roles, session.familyId());
        long expiresIn = Duration.between(clock.instant(), access.expiresAt()).toSeconds();
        return new TokenPair(access.value(), session.refreshToken(), expiresIn);
    }
}
