/** Outgoing mail: SMTP when it is configured, otherwise the service log. */
@NullMarked
package org.kglab.mail;

import org.jspecify.annotations.NullMarked;
