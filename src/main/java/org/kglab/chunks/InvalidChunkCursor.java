package org.kglab.chunks;

import org.kglab.platform.Failure;

/** A chunk cursor that this service did not issue. */
public final class InvalidChunkCursor extends Failure {

    InvalidChunkCursor(String cursor) {
        super(Kind.BAD_REQUEST, "Invalid cursor '" + (cursor.length() <= 64 ? cursor : cursor.substring(0, 64) + "…")
                + "'. Pass the endCursor of a previous page of chunks.");
    }
}
