package org.kglab.identity.token;

/**
 * What a sign-in or a refresh hands the client.
 *
 * @param accessToken  short-lived signed JWT, sent as {@code Authorization: Bearer …}
 * @param refreshToken opaque, single-use; exchanged for the next pair
 * @param expiresIn    seconds until the access token expires
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
}
