package org.kglab.identity.account;

import org.kglab.platform.Failure;

/** A mailed token that is unknown, already used, expired, or for something else. */
public final class InvalidAccountToken extends Failure {

    InvalidAccountToken(String what) {
        super(Kind.BAD_REQUEST, "This " + what + " link is invalid or has expired. Request a new one.");
    }
}
