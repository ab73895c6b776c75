package org.kglab.ingestion;

import java.nio.file.Path;

/**
 * Content fetched from a URL or a feed, ready to ingest like an upload: the bytes in a file of the
 * staging area (ingestion takes it over), the name and media type they came with, and what the
 * source said about itself.
 */
public record FetchedSource(Path file, String fileName, String mediaType, SourceMetadata metadata) {
}
