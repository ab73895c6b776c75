package org.kglab.documents;

import org.kglab.platform.Failure;

/** No document has the requested id. */
public final class DocumentNotFound extends Failure {

    private final DocumentId id;

    DocumentNotFound(DocumentId id) {
        super(Kind.NOT_FOUND, "No document with id " + id + ".");
        this.id = id;
    }

    public DocumentId id() {
        return id;
    }
}
