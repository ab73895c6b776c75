package org.kglab.documents;

import org.kglab.platform.Failure;

/** The caller may read the document but not change it: only its owner may. */
public final class DocumentAccessDenied extends Failure {

    DocumentAccessDenied(DocumentId id) {
        super(Kind.FORBIDDEN, "Only the owner of document " + id + " may change it.");
    }
}
