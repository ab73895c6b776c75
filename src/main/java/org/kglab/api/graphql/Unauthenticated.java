package org.kglab.api.graphql;

/** A field that needs a signed-in caller was asked for without valid credentials. */
final class Unauthenticated extends RuntimeException {

    Unauthenticated(String field) {
        super("Sign in to use '" + field + "': send Authorization: Bearer <accessToken> (from the login mutation).");
    }
}
