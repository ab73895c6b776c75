package org.kglab.ingestion;

import org.kglab.platform.Failure;

/** The job's document was deleted before it was ingested: there is nothing left to do. */
final class DocumentGone extends Failure {

    DocumentGone() {
        super(Kind.NOT_FOUND, "The document was deleted before its ingestion finished.");
    }
}
