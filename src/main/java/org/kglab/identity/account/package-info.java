/**
 * What people do with their own account: register, sign in with a password, refresh and sign out,
 * verify their address, change or reset their password; and turning a bearer credential into a caller.
 */
@NullMarked
package org.kglab.identity.account;

import org.jspecify.annotations.NullMarked;
