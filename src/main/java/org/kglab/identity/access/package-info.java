/**
 * The door to identity: who is calling ({@link org.kglab.identity.access.Caller}), with which roles
 * and scopes, and the error for an action they may not take. The only part of identity that other
 * features may import.
 */
@NullMarked
package org.kglab.identity.access;

import org.jspecify.annotations.NullMarked;
