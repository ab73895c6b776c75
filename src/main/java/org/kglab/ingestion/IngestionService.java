package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.chunks.ChunkProgress;
import org.kglab.chunks.ChunkService;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentService;
import org.kglab.documents.NewDocument;
import org.kglab.documents.Visibility;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.platform.Failure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;

/**
 * Turns an uploaded file into a stored document: receive, detect, extract, store, chunk and embed. A failure
 * up to the store leaves nothing behind: no row and no file.
 */
@Singleton
public class IngestionService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestionService.class);

    private final Staging staging;
    private final TikaExtractor extractor;
    private final DocumentService documents;
    private final ChunkService chunks;

    IngestionService(Staging staging, TikaExtractor extractor, DocumentService documents, ChunkService chunks) {
        this.staging = staging;
        this.extractor = extractor;
        this.documents = documents;
        this.chunks = chunks;
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
            chunk(document, extraction);
            return document;
        } finally {
            // After a successful store the file has moved on and this does nothing.
            staging.discard(staged.path());
        }
    }

    /** The document is stored either way: chunks that could not be made now can be made again later. */
    private void chunk(Document document, Extraction extraction) {
        try {
            chunks.replaceChunks(document.documentId(), extraction.structured(), ChunkProgress.NONE);
        } catch (RuntimeException e) {
            LOG.warn("Document {} is stored, but its chunks could not be made: {}", document.id(), e.toString());
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
