package org.kglab.ingestion.web;

import org.kglab.platform.Failure;

/** The URL cannot be fetched as written: not http(s), credentials in it, no host, too long, … */
public final class InvalidUrl extends Failure {

    InvalidUrl(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
