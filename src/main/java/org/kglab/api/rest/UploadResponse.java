package org.kglab.api.rest;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.kglab.documents.Document;
import org.kglab.documents.Visibility;

import java.time.Instant;

/** What an upload answers: the new document's id and what was detected about it. */
@Serdeable
@Schema(name = "UploadResponse", description = "The stored document")
record UploadResponse(
        @Schema(description = "Id of the new document; use it with the GraphQL `document` query")
        String documentId,
        String title,
        @Schema(description = "Media type detected from the file's bytes") String mediaType,
        long sizeBytes,
        @Schema(description = "Hex SHA-256 of the file") String sha256,
        Visibility visibility,
        Instant createdAt,
        @Schema(description = "The text was cut off at the extraction limit: only its start was stored")
        boolean truncated,
        @Schema(description = "The file holds no text at all, such as a scanned PDF without a text layer")
        boolean textless) {

    static UploadResponse of(Document document) {
        return new UploadResponse(document.id().toString(), document.title(), document.mediaType(),
                document.sizeBytes(), document.sha256(), document.visibility(), document.createdAt(),
                document.truncated(), document.textless());
    }
}
