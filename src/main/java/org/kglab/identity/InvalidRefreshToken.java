package org.kglab.identity;

/** The refresh token is unknown, expired, revoked or already used; the client must sign in again. */
public final class InvalidRefreshToken extends RuntimeException {

    InvalidRefreshToken() {
        super("The refresh token is not valid any more. Sign in again.");
    }
}
