package org.kglab.ingestion;

import org.kglab.documents.DocumentId;
import org.kglab.platform.Failure;

import java.util.List;
import java.util.stream.Collectors;

/** A re-embedding pass ended with documents whose files could not be read again; trying again gives the same. */
final class ReembeddingIncomplete extends Failure {

    private static final int NAMED = 5;

    ReembeddingIncomplete(List<DocumentId> passedOver, long seen) {
        super(Kind.UNPROCESSABLE, passedOver.size() + " of " + seen + " documents could not be re-embedded because "
                + "their files could not be read again (" + passedOver.stream().limit(NAMED).map(DocumentId::toString)
                .collect(Collectors.joining(", ")) + (passedOver.size() > NAMED ? ", …" : "") + "); the others "
                + "were. Delete or upload those documents again.");
    }
}
