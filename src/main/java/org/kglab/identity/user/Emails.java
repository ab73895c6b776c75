package org.kglab.identity.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** One spelling per address: trimmed, NFC, lower case. Validation is deliberately shallow. */
public final class Emails {

    private static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Emails() {
    }

    public static String normalise(String email) {
        String normal = key(email);
        if (normal.length() > MAX_LENGTH || !SHAPE.matcher(normal).matches()) {
            throw new InvalidCredentialsFormat("That is not an email address we can use: write it as name@example.org.");
        }
        return normal;
    }

    /**
     * The spelling of {@link #normalise} without its validation: what sign-in limits count under, so
     * that every form of one address shares one count, and so do malformed inputs alike.
     */
    public static String key(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
