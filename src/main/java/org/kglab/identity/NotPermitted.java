package org.kglab.identity;

/** The caller is known but may not do this: an admin-only action, or an API key without the scope. */
public final class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
