package org.kglab.identity.user;

import org.kglab.platform.Failure;

/** An email or password that breaks the rules for new credentials; the message says which rule. */
public final class InvalidCredentialsFormat extends Failure {

    public InvalidCredentialsFormat(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
