package org.kglab.documents;

import org.kglab.platform.Failure;

/** A pagination cursor that this service did not issue. */
public final class InvalidCursor extends Failure {

    InvalidCursor(String cursor) {
        super(Kind.BAD_REQUEST, "Invalid cursor '" + (cursor.length() <= 64 ? cursor : cursor.substring(0, 64) + "…")
                + "'. Pass the endCursor of a previous page.");
    }
}
