package org.kglab.documents;

/** A client sent something as a document id that cannot be one. */
public final class InvalidDocumentId extends RuntimeException {

    InvalidDocumentId(String text) {
        super("Not a document id: '" + abbreviate(text) + "'. Document ids are UUIDs.");
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
