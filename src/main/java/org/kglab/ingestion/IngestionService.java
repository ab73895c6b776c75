package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.documents.Accepted;
import org.kglab.documents.DocumentService;
import org.kglab.documents.NewDocument;
import org.kglab.documents.Visibility;
import org.kglab.duplicates.NearDuplicates;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.jobs.Job;
import org.kglab.jobs.JobKind;
import org.kglab.jobs.JobService;
import org.kglab.platform.Failure;

import java.io.InputStream;

/**
 * Takes uploaded files in: receive, check, store as a PROCESSING document, and queue the job that extracts
 * it ({@link IngestionPipeline}). A refusal at any step before the job leaves nothing behind: no row and no file.
 */
@Singleton
public class IngestionService {

    private final Staging staging;
    private final TikaExtractor extractor;
    private final DocumentService documents;
    private final JobService jobs;

    IngestionService(Staging staging, TikaExtractor extractor, DocumentService documents, JobService jobs) {
        this.staging = staging;
        this.extractor = extractor;
        this.documents = documents;
        this.jobs = jobs;
    }

    /**
     * Takes an upload in: received to disk and hashed, its type checked from its bytes, then stored as a
     * PROCESSING document with its ingestion job, in one transaction. The text is read by the job.
     */
    public UploadAccepted ingestUpload(Caller owner, Visibility visibility, String fileName, InputStream body) {
        // Refused before a byte is staged.
        owner.require(Scope.INGEST);
        String name = FileNames.clean(fileName);
        StagedFile staged = staging.receive(body);
        try {
            String mediaType = extractor.detectForUpload(staged.path(), name);
            var source = new NewDocument.Source("UPLOAD", name, null, null, owner.apiKeyId(), null,
                    IngestionPipeline.VERSION);
            Accepted<Job> accepted = documents.accept(owner, new NewDocument(name, mediaType, staged.sizeBytes(),
                    staged.sha256(), visibility, staged.path(), source),
                    document -> jobs.queue(document.ownerId(), document.id(), JobKind.UPLOAD));
            return new UploadAccepted(accepted.document(), accepted.then(), accepted.duplicate());
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
