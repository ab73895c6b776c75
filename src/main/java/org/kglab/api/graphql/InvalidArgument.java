package org.kglab.api.graphql;

/** A field argument outside what the schema documents. */
final class InvalidArgument extends RuntimeException {

    InvalidArgument(String message) {
        super(message);
    }
}
