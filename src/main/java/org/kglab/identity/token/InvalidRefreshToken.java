package org.kglab.identity.token;

import org.kglab.platform.Failure;

/** The refresh token is unknown, expired, revoked or already used; the client must sign in again. */
public final class InvalidRefreshToken extends Failure {

    public InvalidRefreshToken() {
        super(Kind.UNAUTHENTICATED, "The refresh token is not valid any more. Sign in again.");
    }
}
