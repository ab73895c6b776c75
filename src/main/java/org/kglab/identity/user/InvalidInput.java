package org.kglab.identity.user;

import org.kglab.platform.Failure;

/** An argument that breaks a rule: the message says which, in words the caller can act on. */
public final class InvalidInput extends Failure {

    public InvalidInput(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
