/**
 * Sign-in through GitHub, Google and any OpenID Connect issuer, on Micronaut Security's OAuth 2.0
 * support: the providers' routes, the mapping of a provider's user to ours, and the redirect that
 * hands the browser a one-time sign-in code.
 */
@NullMarked
package org.kglab.identity.oidc;

import org.jspecify.annotations.NullMarked;
