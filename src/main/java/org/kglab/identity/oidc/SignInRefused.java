package org.kglab.identity.oidc;

import org.kglab.platform.Failure;

/** A provider sign-in that cannot lead to an account, with a short reason a client can act on. */
public final class SignInRefused extends Failure {

    /** Why; {@link #code()} is what clients receive. */
    public enum Reason {
        EMAIL_MISSING("email_missing", "The provider did not share a usable email address."),
        EMAIL_NOT_VERIFIED("email_not_verified", "The provider has not verified this email address."),
        ACCOUNT_DISABLED("account_disabled", "This account is disabled.");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    SignInRefused(Reason reason) {
        super(Kind.FORBIDDEN, reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
