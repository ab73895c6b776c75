package org.kglab.identity;

/** What a mailed token is for. A token is only ever accepted for its own purpose. */
enum AccountTokenPurpose {
    VERIFY_EMAIL("kglv_"),
    RESET_PASSWORD("kglp_");

    private final String prefix;

    AccountTokenPurpose(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }
}
