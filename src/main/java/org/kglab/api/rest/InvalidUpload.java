package org.kglab.api.rest;

import org.kglab.platform.Failure;

/** A multipart request that does not carry exactly one file where the upload expects it. */
final class InvalidUpload extends Failure {

    InvalidUpload(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
