package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentService;
import org.kglab.documents.NewDocument;
import org.kglab.documents.Visibility;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.platform.Failure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Turns an uploaded file into a stored document: receive, detect, extract, store. A failure at any
 * step leaves nothing behind: no row and no file.
 */
@Singleton
public class IngestionService {

    private final Staging staging;
    private final TikaExtractor extractor;
    private final DocumentService documents;
    private final DocumentSources sources;

    IngestionService(Staging staging, TikaExtractor extractor, DocumentService documents, DocumentSources sources) {
        this.staging = staging;
        this.extractor = extractor;
        this.documents = documents;
        this.sources = sources;
    }

    public Document ingestUpload(Caller owner, Visibility visibility, String fileName, InputStream body) {
        return ingest(owner, visibility, fileName, body, null);
    }

    /**
     * Ingests content fetched from a URL or a feed exactly as an upload of the same bytes, then records
     * where it came from. The fetched file is consumed: it is gone afterwards, whatever the outcome.
     */
    public Document ingestFetched(Caller owner, Visibility visibility, FetchedSource source) {
        try (InputStream body = Files.newInputStream(source.file())) {
            SourceMetadata about = source.metadata();
            Document document = ingest(owner, visibility, source.fileName(), body, about.title());
            sources.insert(document.id(), about.originalUrl(), about.canonicalUrl(), about.author(),
                    about.publishedAt(), about.fetchedAt());
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the fetched content", e);
        } finally {
            staging.discard(source.file());
        }
    }

    /** Where the documents the viewer may see came from, for those fetched from the web. */
    public List<DocumentSource> sources(Caller viewer, Collection<UUID> documentIds) {
        viewer.require(Scope.READ);
        return documentIds.isEmpty() ? List.of() : sources.findVisible(documentIds, viewer.id().value());
    }

    private Document ingest(Caller owner, Visibility visibility, String fileName, InputStream body,
                            @Nullable String title) {
        // Refused before a byte is staged.
        owner.require(Scope.INGEST);
        String name = FileNames.clean(fileName);
        StagedFile staged = staging.receive(body);
        try {
            Extraction extraction = extractor.extract(staged.path(), name);
            String chosenTitle = title == null || title.isBlank() ? extraction.title() : Titles.bounded(title);
            return documents.store(owner, new NewDocument(chosenTitle, extraction.mediaType(),
                    staged.sizeBytes(), staged.sha256(), extraction.text(), extraction.truncated(),
                    extraction.textless(), visibility, staged.path()));
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
