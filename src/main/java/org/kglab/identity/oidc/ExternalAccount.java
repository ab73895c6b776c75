package org.kglab.identity.oidc;

import org.jspecify.annotations.Nullable;

/**
 * A person as an external sign-in provider describes them.
 *
 * @param provider      the configured provider name (github, google, oidc)
 * @param subject       the provider's stable identifier for the person (OpenID {@code sub}, GitHub's user id)
 * @param email         the address the provider gave, if any
 * @param emailVerified whether the provider vouches that the person controls {@code email}
 */
public record ExternalAccount(String provider, String subject, @Nullable String email, boolean emailVerified) {
}
