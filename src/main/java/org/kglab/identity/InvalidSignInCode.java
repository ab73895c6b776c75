package org.kglab.identity;

/** The sign-in code is unknown, expired or already used; the client must sign in again. */
public final class InvalidSignInCode extends RuntimeException {

    InvalidSignInCode() {
        super("The sign-in code is not valid: it is unknown, expired or already used. Sign in again.");
    }
}
