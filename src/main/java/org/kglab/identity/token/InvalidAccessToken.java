package org.kglab.identity.token;

import org.kglab.platform.Failure;

/**
 * An access token was refused. The message never quotes the token: it is a credential, and what
 * was wrong with a forged one is of no use to the caller.
 */
public final class InvalidAccessToken extends Failure {

    private InvalidAccessToken(String message) {
        super(Kind.UNAUTHENTICATED, message);
    }

    static InvalidAccessToken expired() {
        return new InvalidAccessToken("The access token has expired.");
    }

    public static InvalidAccessToken invalid() {
        return new InvalidAccessToken("The access token is not valid.");
    }
}
