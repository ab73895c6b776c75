package org.kglab.identity;

/** An email or password that breaks the rules for new credentials; the message says which rule. */
public final class InvalidCredentialsFormat extends RuntimeException {

    InvalidCredentialsFormat(String message) {
        super(message);
    }
}
