package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.documents.Accepted;
import org.kglab.documents.DocumentService;
import org.kglab.documents.NewDocument;
import org.kglab.documents.Visibility;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.jobs.Job;
import org.kglab.jobs.JobKind;
import org.kglab.jobs.JobService;
import org.kglab.platform.Failure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

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
    private final DocumentSources sources;

    IngestionService(Staging staging, TikaExtractor extractor, DocumentService documents, JobService jobs,
                     DocumentSources sources) {
        this.staging = staging;
        this.extractor = extractor;
        this.documents = documents;
        this.jobs = jobs;
        this.sources = sources;
    }

    /**
     * Takes an upload in: received to disk and hashed, its type checked from its bytes, then stored as a
     * PROCESSING document with its ingestion job, in one transaction. The text is read by the job.
     */
    public UploadAccepted ingestUpload(Caller owner, Visibility visibility, String fileName, InputStream body) {
        owner.require(Scope.INGEST);
        String name = FileNames.clean(fileName);
        var source = new NewDocument.Source("UPLOAD", name, null, null, owner.apiKeyId(), null,
                IngestionPipeline.VERSION);
        return accept(owner, visibility, name, body, null, source, JobKind.UPLOAD, null);
    }

    /**
     * Takes content fetched from a URL (or a feed's item, with {@code feedId}) in exactly as an upload of the same
     * bytes: a PROCESSING document with its provenance, where it came from ({@code document_sources}) and its job
     * of {@code kind}, in one transaction (the caller's, if there is one). The fetched file is consumed: it is gone
     * afterwards, whatever the outcome.
     */
    public UploadAccepted acceptFetched(Caller owner, Visibility visibility, FetchedSource fetched, JobKind kind,
                                        @Nullable UUID feedId) {
        try (InputStream body = Files.newInputStream(fetched.file())) {
            owner.require(Scope.INGEST);
            SourceMetadata about = fetched.metadata();
            String name = FileNames.clean(fetched.fileName());
            var source = new NewDocument.Source(feedId == null ? "URL" : "FEED", name, about.originalUrl(), feedId,
                    owner.apiKeyId(), about.fetchedAt(), IngestionPipeline.VERSION);
            return accept(owner, visibility, name, body, about.title(), source, kind, about);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the fetched content", e);
        } finally {
            staging.discard(fetched.file());
        }
    }

    /** Where the documents the viewer may see came from, for those fetched from the web. */
    public List<DocumentSource> sources(Caller viewer, Collection<UUID> documentIds) {
        viewer.require(Scope.READ);
        return documentIds.isEmpty() ? List.of() : sources.findVisible(documentIds, viewer.id().value());
    }

    private UploadAccepted accept(Caller owner, Visibility visibility, String name, InputStream body,
                                  @Nullable String title, NewDocument.Source source, JobKind kind,
                                  @Nullable SourceMetadata about) {
        StagedFile staged = staging.receive(body);
        try {
            String mediaType = extractor.detectForUpload(staged.path(), name);
            String first = title == null || title.isBlank() ? name : Titles.bounded(title);
            Accepted<Job> accepted = documents.accept(owner, new NewDocument(first, mediaType, staged.sizeBytes(),
                    staged.sha256(), visibility, staged.path(), source), document -> {
                        if (about != null) {
                            sources.insert(document.id(), about.originalUrl(), about.canonicalUrl(), about.author(),
                                    about.publishedAt(), about.fetchedAt());
                        }
                        return jobs.queue(document.ownerId(), document.id(), kind);
                    });
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
