package org.kglab.ingestion.web;

import jakarta.inject.Singleton;
import org.kglab.documents.Document;
import org.kglab.documents.Visibility;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Scope;
import org.kglab.ingestion.IngestionService;

/** Ingests the content at a URL as the caller's document. */
@Singleton
public final class UrlIngestion {

    private final WebSources web;
    private final IngestionService ingestion;

    UrlIngestion(WebSources web, IngestionService ingestion) {
        this.web = web;
        this.ingestion = ingestion;
    }

    public Document ingestUrl(Caller owner, Visibility visibility, String url) {
        // Refused before anything is fetched.
        owner.require(Scope.INGEST);
        return ingestion.ingestFetched(owner, visibility, web.fetch(url));
    }
}
