package org.kglab.ingestion.web;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.ingestion.FetchedSource;
import org.kglab.ingestion.SourceMetadata;
import org.kglab.platform.StorageProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The door from the web into ingestion: a URL in, a {@link FetchedSource} out, which ingests like an
 * upload of the same bytes. Web pages are reduced to their main content first.
 */
@Singleton
public final class WebSources {

    private static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");
    /**
     * Pages larger than this are not reduced to their main content: Readability needs the whole page as a
     * tree in the service's own heap (several times the page's size). They are ingested as fetched, and
     * extraction reads them in its separate, bounded process.
     */
    static final long MAX_READABLE_BYTES = 5L * 1024 * 1024;

    private final SafeHttpFetcher fetcher;
    private final Path staging;
    private final Clock clock;

    WebSources(SafeHttpFetcher fetcher, StorageProperties storage, Clock clock) {
        this.fetcher = fetcher;
        this.staging = storage.staging();
        this.clock = clock;
    }

    /** Fetches a URL a user gave (checked, bounded; see {@link SafeHttpFetcher}) into a source to ingest. */
    public FetchedSource fetch(String url) {
        var result = fetcher.fetch(url, ContentKind.DOCUMENT, null, null);
        if (!(result instanceof FetchResult.Content content)) {
            // Only a conditional request can be answered 304, and this one is not.
            throw FetchFailed.status(Urls.parse(url), 304);
        }
        var metadata = new SourceMetadata(url.strip(), content.url().toString(), null, null, null, clock.instant());
        if (!PAGE_TYPES.contains(content.mediaType()) || content.sizeBytes() > MAX_READABLE_BYTES) {
            String extension = PAGE_TYPES.contains(content.mediaType()) ? ".html" : "";
            return new FetchedSource(content.file(), fileName(content.url(), extension), content.mediaType(), metadata);
        }
        try {
            WebPages.ReadablePage page = WebPages.read(content.file(), content.charset(), content.url().toString());
            var about = new SourceMetadata(metadata.originalUrl(),
                    page.canonicalUrl() == null ? metadata.canonicalUrl() : page.canonicalUrl(),
                    page.title(), page.author(), page.publishedAt(), metadata.fetchedAt());
            return html(page.asHtml(), fileName(content.url(), ".html"), about);
        } catch (IOException e) {
            throw FetchFailed.unreachable(content.url(), e);
        } finally {
            deleteQuietly(content.file());
        }
    }

    /** Content a feed carries itself (an item's HTML), as a source to ingest. */
    public FetchedSource fromHtml(String html, String fileName, SourceMetadata metadata) {
        String title = metadata.title() == null ? "" : org.jsoup.nodes.Entities.escape(metadata.title());
        return html("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>\n"
                + html + "\n</body></html>\n", fileName, metadata);
    }

    private FetchedSource html(String html, String fileName, SourceMetadata metadata) {
        try {
            Files.createDirectories(staging);
            Path file = staging.resolve(UUID.randomUUID() + ".fetch");
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return new FetchedSource(file, fileName, "text/html", metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stage the fetched page", e);
        }
    }

    /** A name for the content, from the URL: its last path segment, or its host. */
    static String fileName(URI url, String extension) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String name = last.isBlank() ? String.valueOf(url.getHost()) : last;
        if (!extension.isEmpty() && !name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)
                && !name.toLowerCase(java.util.Locale.ROOT).endsWith(".htm")) {
            name = name + extension;
        }
        return name;
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Staging is swept of old files at start-up.
        }
    }
}
