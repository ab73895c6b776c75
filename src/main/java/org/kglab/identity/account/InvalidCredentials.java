package org.kglab.identity.account;

import org.kglab.platform.Failure;

/** Sign-in failed. One message for every reason, so that it does not tell whether the account exists. */
public final class InvalidCredentials extends Failure {

    InvalidCredentials() {
        this("Email or password is incorrect.");
    }

    InvalidCredentials(String message) {
        super(Kind.UNAUTHENTICATED, message);
    }
}
