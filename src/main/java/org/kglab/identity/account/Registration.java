package org.kglab.identity.account;

/**
 * The answer to a registration, the same whether or not the address already had an account.
 *
 * @param email the address as it is kept
 */
public record Registration(String email, String message) {

    static final String NEXT_STEPS = "Check your inbox: we have sent a message to this address. "
            + "Then sign in with your email address and password.";

    Registration(String email) {
        this(email, NEXT_STEPS);
    }
}
