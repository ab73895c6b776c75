/**
 * Limits on signing in: per client address, per account, and on account mail, so that guessing
 * passwords or flooding a mailbox stays slow.
 */
@NullMarked
package org.kglab.identity.signin;

import org.jspecify.annotations.NullMarked;
