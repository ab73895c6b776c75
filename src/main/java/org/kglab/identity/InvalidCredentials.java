package org.kglab.identity;

/** Sign-in failed. One message for every reason, so that it does not tell whether the account exists. */
public final class InvalidCredentials extends RuntimeException {

    InvalidCredentials() {
        this("Email or password is incorrect.");
    }

    InvalidCredentials(String message) {
        super(message);
    }
}
