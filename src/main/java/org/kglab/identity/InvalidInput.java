package org.kglab.identity;

/** An argument that breaks a rule: the message says which, in words the caller can act on. */
public final class InvalidInput extends RuntimeException {

    InvalidInput(String message) {
        super(message);
    }
}
