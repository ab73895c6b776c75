package org.kglab.documents;

import java.util.UUID;

/** Identity of a document; parsing rejects anything that is not a UUID. */
public record DocumentId(UUID value) {

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    public static DocumentId parse(String text) {
        try {
            return new DocumentId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentId(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
