package org.kglab.identity.access;

import org.kglab.platform.Failure;

/** The caller is known but may not do this: an admin-only action, or an API key without the scope. */
public final class NotPermitted extends Failure {

    public NotPermitted(String message) {
        super(Kind.FORBIDDEN, message);
    }
}
