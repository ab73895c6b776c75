package org.kglab.identity.account;

/** What a single-use token is for. A token is only ever accepted for its own purpose. */
public enum AccountTokenPurpose {
    VERIFY_EMAIL("kglv_"),
    RESET_PASSWORD("kglp_"),
    /** The code that ends a provider sign-in: the browser carries it instead of tokens. */
    SIGN_IN("kglc_");

    private final String prefix;

    AccountTokenPurpose(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }
}
