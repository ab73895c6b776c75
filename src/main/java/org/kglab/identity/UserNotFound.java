package org.kglab.identity;

/** No account has this id. */
public final class UserNotFound extends RuntimeException {

    UserNotFound(String id) {
        super("No user has the id '" + id + "'.");
    }
}
