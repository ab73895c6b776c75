package org.kglab.api.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kglab.Application;
import org.jspecify.annotations.Nullable;
import org.kglab.documents.Document;
import org.kglab.documents.Visibility;
import org.kglab.identity.Callers;
import org.kglab.ingestion.EmptyUpload;
import org.kglab.ingestion.IngestionService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** File uploads. The file is streamed to disk as it arrives; it is never held in memory whole. */
@Controller("/api/v1/files")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = Application.BEARER)
@SecurityRequirement(name = Application.API_KEY)
@Tag(name = "Files", description = "Upload documents")
final class FileController {

    private final IngestionService ingestion;

    FileController(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Upload a document",
            description = "Accepts PDF, DOCX, HTML, Markdown, plain text and JSON, detected from the bytes. "
                    + "The text is extracted and the document stored; it then appears in GraphQL and, "
                    + "moments later, in the graph.")
    @ApiResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token or API key", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An API key without the INGEST scope", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "400", description = "No file, or an empty one", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Larger than the upload limit", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Not a supported type", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Corrupt or encrypted document", content = @Content(
            mediaType = "application/problem+json"))
    HttpResponse<UploadResponse> upload(
            @Schema(type = "string", format = "binary") @Nullable StreamingFileUpload file,
            @Parameter(description = "PRIVATE (default): only you can see it; PUBLIC: every signed-in user can")
            @QueryValue @Nullable Visibility visibility,
            Authentication authentication) {
        if (file == null) {
            // Otherwise the framework answers with its own wording, naming Java types.
            throw new EmptyUpload("The request has no file. Send the document as a multipart part named 'file'.");
        }
        Document document;
        try (InputStream body = file.asInputStream()) {
            document = ingestion.ingestUpload(Callers.fromAuthentication(authentication),
                    visibility == null ? Visibility.PRIVATE : visibility, file.getFilename(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
        return HttpResponse.created(UploadResponse.of(document));
    }
}
