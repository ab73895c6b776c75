package org.kglab.api.rest;

import org.kglab.platform.Failure;

/** A request to ingest a URL whose JSON body lacks the URL or names an unknown visibility. */
final class InvalidUrlRequest extends Failure {

    InvalidUrlRequest(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
