package org.kglab.identity;

/** A mailed token that is unknown, already used, expired, or for something else. */
public final class InvalidAccountToken extends RuntimeException {

    InvalidAccountToken(String what) {
        super("This " + what + " link is invalid or has expired. Request a new one.");
    }
}
