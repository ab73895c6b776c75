package org.kglab.ingestion.web;

import jakarta.inject.Singleton;
import org.kglab.documents.Visibility;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.ingestion.IngestionService;
import org.kglab.ingestion.UploadAccepted;
import org.kglab.jobs.JobKind;

/**
 * Takes the content at a URL in as the caller's document: fetched (checked, bounded) now, then accepted as a
 * PROCESSING document whose URL job extracts it, like an upload.
 */
@Singleton
public final class UrlIngestion {

    private final WebSources web;
    private final IngestionService ingestion;

    UrlIngestion(WebSources web, IngestionService ingestion) {
        this.web = web;
        this.ingestion = ingestion;
    }

    public UploadAccepted ingestUrl(Caller owner, Visibility visibility, String url) {
        // Refused before anything is fetched.
        owner.require(Scope.INGEST);
        return ingestion.acceptFetched(owner, visibility, web.fetch(url), JobKind.URL, null);
    }
}
