package org.kglab.identity.oidc;

import org.kglab.platform.Failure;

/** The sign-in code is unknown, expired or already used; the client must sign in again. */
public final class InvalidSignInCode extends Failure {

    InvalidSignInCode() {
        super(Kind.UNAUTHENTICATED, "The sign-in code is not valid: it is unknown, expired or already used. Sign in again.");
    }
}
