package org.kglab.api.rest;

/** A multipart request that does not carry exactly one file where the upload expects it. */
final class InvalidUpload extends RuntimeException {

    InvalidUpload(String message) {
        super(message);
    }
}
