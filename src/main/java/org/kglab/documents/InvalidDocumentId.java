package org.kglab.documents;

import org.kglab.platform.Failure;

/** A client sent something as a document id that cannot be one. */
public final class InvalidDocumentId extends Failure {

    InvalidDocumentId(String text) {
        super(Kind.BAD_REQUEST, "Not a document id: '" + abbreviate(text) + "'. Document ids are UUIDs.");
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
