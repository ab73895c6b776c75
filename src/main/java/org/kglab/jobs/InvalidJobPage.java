package org.kglab.jobs;

import org.kglab.platform.Failure;

/** A page size out of range, or a cursor this service did not issue. */
public final class InvalidJobPage extends Failure {

    InvalidJobPage(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
