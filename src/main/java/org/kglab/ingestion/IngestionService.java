package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentService;
import org.kglab.documents.NewDocument;
import org.kglab.documents.Visibility;
import org.kglab.duplicates.NearDuplicates;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.platform.Failure;

import java.io.InputStream;

/**
 * Turns an uploaded file into a stored document: receive, detect, extract, store. A failure at any
 * step leaves nothing behind: no row and no file.
 */
@Singleton
public class IngestionService {

    private final Staging staging;
    private final TikaExtractor extractor;
    private final DocumentService documents;
    private final NearDuplicates nearDuplicates;

    IngestionService(Staging staging, TikaExtractor extractor, DocumentService documents,
                     NearDuplicates nearDuplicates) {
        this.staging = staging;
        this.extractor = extractor;
        this.documents = documents;
        this.nearDuplicates = nearDuplicates;
    }

    public Document ingestUpload(Caller owner, Visibility visibility, String fileName, InputStream body) {
        // Refused before a byte is staged.
        owner.require(Scope.INGEST);
        String name = FileNames.clean(fileName);
        StagedFile staged = staging.receive(body);
        try {
            Extraction extraction = extractor.extract(staged.path(), name);
            Document document = documents.store(owner, new NewDocument(extraction.title(), extraction.mediaType(),
                    staged.sizeBytes(), staged.sha256(), extraction.text(), extraction.truncated(),
                    extraction.textless(), visibility, staged.path()));
            nearDuplicates.record(document.documentId(), owner.id(), extraction.text());
            return document;
        } finally {
            // After a successful store the file has moved on and this does nothing.
            staging.discard(staged.path());
        }
    }

    /**
     * Why an upload body was refused before it reached {@link #ingestUpload}: the HTTP server stops
     * reading a body past its ceiling, and the client should hear the same as for any other upload
     * over the limit.
     * @param declaredLength the length the client declared, or a negative number if it declared none
     */
    public Failure bodyRefused(long declaredLength) {
        return staging.refusal(declaredLength);
    }
}
