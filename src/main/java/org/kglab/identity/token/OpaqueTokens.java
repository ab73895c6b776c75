package org.kglab.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets (refresh tokens, mailed tokens, API keys) and their stored form. They carry
 * 256 random bits, so a plain SHA-256 is enough to store them: unlike passwords there is nothing
 * to guess, and lookups by hash never compare secrets byte by byte.
 */
public final class OpaqueTokens {

    /** Longer than any token we issue; longer input is refused before hashing. */
    static final int MAX_LENGTH = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    /** A new secret: {@code prefix} (which says what it is, for people and secret scanners) plus 43 characters. */
    public static String generate(String prefix) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static boolean plausible(String token, String prefix) {
        return token.length() <= MAX_LENGTH && token.startsWith(prefix);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
