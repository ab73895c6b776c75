package org.kglab.documents;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * A document as the ingestion pipeline works on it: its row, its original file, and the name the file came with.
 */
public record PipelineDocument(Document document, Path file, @Nullable String fileName) {

    public DocumentId id() {
        return document.documentId();
    }
}
