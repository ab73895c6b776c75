package org.kglab.api.rest;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.kglab.documents.Document;
import org.kglab.documents.DocumentStatus;
import org.kglab.documents.Visibility;
import org.kglab.ingestion.UploadAccepted;

import java.time.Instant;

/** What an upload answers: the document, and the job that ingests it. */
@Serdeable
@Schema(name = "UploadResponse", description = "The accepted document and its ingestion job")
record UploadResponse(
        @Schema(description = "Id of the document; use it with the GraphQL `document` query")
        String documentId,
        @Schema(description = "Id of the ingestion job (GET /api/v1/jobs/{id}); absent for a duplicate")
        @Nullable String jobId,
        @Schema(description = "Set when you uploaded these bytes before: the id of that document, which is "
                + "the answer; nothing new was stored")
        @Nullable String duplicateOf,
        @Schema(description = "PROCESSING until the job ends, then READY or FAILED") DocumentStatus status,
        @Schema(description = "The file name until extraction finds the document's own title") String title,
        @Schema(description = "Media type detected from the file's bytes") String mediaType,
        long sizeBytes,
        @Schema(description = "Hex SHA-256 of the file") String sha256,
        Visibility visibility,
        Instant createdAt) {

    static UploadResponse of(UploadAccepted accepted) {
        Document document = accepted.document();
        return new UploadResponse(document.id().toString(),
                accepted.job() == null ? null : accepted.job().id().toString(),
                accepted.duplicate() ? document.id().toString() : null, document.status(), document.title(),
                document.mediaType(), document.sizeBytes(), document.sha256(), document.visibility(),
                document.createdAt());
    }
}
