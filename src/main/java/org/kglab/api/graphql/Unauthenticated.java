package org.kglab.api.graphql;

import org.kglab.platform.Failure;

/** A field that needs a signed-in caller was asked for without valid credentials. */
final class Unauthenticated extends Failure {

    Unauthenticated(String field) {
        super(Kind.UNAUTHENTICATED, "Sign in to use '" + field + "': send Authorization: Bearer <accessToken> (from the login mutation).");
    }
}
