package org.kglab.identity;

/** Registration with an address that already has an account. */
public final class EmailTaken extends RuntimeException {

    EmailTaken() {
        super("An account with this email address already exists. Sign in, or reset the password.");
    }
}
