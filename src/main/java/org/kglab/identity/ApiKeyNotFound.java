package org.kglab.identity;

/** None of the caller's API keys has this id. */
public final class ApiKeyNotFound extends RuntimeException {

    ApiKeyNotFound(String id) {
        super("You have no API key with the id '" + id + "'.");
    }
}
