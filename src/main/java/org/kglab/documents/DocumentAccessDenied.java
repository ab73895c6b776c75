package org.kglab.documents;

/** The caller may read the document but not change it: only its owner may. */
public final class DocumentAccessDenied extends RuntimeException {

    DocumentAccessDenied(DocumentId id) {
        super("Only the owner of document " + id + " may change it.");
    }
}
