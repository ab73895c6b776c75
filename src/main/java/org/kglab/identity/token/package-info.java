/**
 * The credentials a sign-in hands out: signed access tokens and their keys, rotating refresh tokens,
 * ended sessions, and the opaque random tokens that API keys and mailed links are made of.
 */
@NullMarked
package org.kglab.identity.token;

import org.jspecify.annotations.NullMarked;
