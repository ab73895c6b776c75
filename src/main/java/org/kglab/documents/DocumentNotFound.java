package org.kglab.documents;

/** No document has the requested id. */
public final class DocumentNotFound extends RuntimeException {

    private final DocumentId id;

    DocumentNotFound(DocumentId id) {
        super("No document with id " + id + ".");
        this.id = id;
    }

    public DocumentId id() {
        return id;
    }
}
