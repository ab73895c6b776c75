package org.kglab.documents;

/** A pagination cursor that this service did not issue. */
public final class InvalidCursor extends RuntimeException {

    InvalidCursor(String cursor) {
        super("Invalid cursor '" + (cursor.length() <= 64 ? cursor : cursor.substring(0, 64) + "…")
                + "'. Pass the endCursor of a previous page.");
    }
}
