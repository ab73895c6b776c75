package org.kglab.api.graphql;

import org.kglab.platform.Failure;

/** A field argument outside what the schema documents. */
final class InvalidArgument extends Failure {

    InvalidArgument(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
