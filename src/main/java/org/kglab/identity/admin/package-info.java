/**
 * Administration of accounts (roles, disabling) and the bootstrap of the first administrator.
 */
@NullMarked
package org.kglab.identity.admin;

import org.jspecify.annotations.NullMarked;
