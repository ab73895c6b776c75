/**
 * Sign-in through GitHub, Google and any OpenID Connect issuer, on Micronaut Security's OAuth 2.0
 * support: the providers' routes, the mapping of a provider's user to ours, linking it to an account,
 * and the one-time sign-in code that the browser carries and the client exchanges for tokens.
 */
@NullMarked
package org.kglab.identity.oidc;

import org.jspecify.annotations.NullMarked;
