/**
 * The users table and the rules every account follows: how an address is normalised, which
 * accounts are disabled. The rooms above it (sign-in, accounts, administration, API keys and
 * provider sign-in) share it.
 */
@NullMarked
package org.kglab.identity.user;

import org.jspecify.annotations.NullMarked;
