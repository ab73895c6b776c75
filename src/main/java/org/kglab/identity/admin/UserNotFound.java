package org.kglab.identity.admin;

import org.kglab.platform.Failure;

/** No account has this id. */
public final class UserNotFound extends Failure {

    UserNotFound(String id) {
        super(Kind.NOT_FOUND, "No user has the id '" + id + "'.");
    }
}
