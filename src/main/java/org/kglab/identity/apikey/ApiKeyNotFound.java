package org.kglab.identity.apikey;

import org.kglab.platform.Failure;

/** None of the caller's API keys has this id. */
public final class ApiKeyNotFound extends Failure {

    ApiKeyNotFound(String id) {
        super(Kind.NOT_FOUND, "You have no API key with the id '" + id + "'.");
    }
}
