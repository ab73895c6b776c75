package org.kglab.identity.account;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.user.InvalidCredentialsFormat;

/**
 * Argon2id hashing with OWASP's recommended minimum cost (19 MiB, 2 passes). Checking against an
 * absent account still runs one full hash, so that a failed login takes as long whether or not
 * the account exists.
 */
@Singleton
final class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private final String decoy = ARGON2.hash("decoy password, never matches").getResult();

    String hash(String password) {
        checkRules(password);
        return ARGON2.hash(password).getResult();
    }

    boolean matches(String password, @Nullable String hash) {
        if (password.length() > MAX_LENGTH) {
            ARGON2.check("", decoy);
            return false;
        }
        if (hash == null) {
            ARGON2.check(password, decoy);
            return false;
        }
        return ARGON2.check(password, hash);
    }

    static void checkRules(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidCredentialsFormat("The password is too short: " + length + " characters, at least "
                    + MIN_LENGTH + " are needed.");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidCredentialsFormat("The password is too long: " + length + " characters, at most "
                    + MAX_LENGTH + " are allowed.");
        }
    }
}
