package org.kglab.api.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Part;
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
import org.kglab.documents.Visibility;
import org.kglab.identity.access.Callers;
import org.kglab.ingestion.IngestionService;
import org.kglab.ingestion.UploadAccepted;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** File uploads. The file is streamed to disk as it arrives; it is never held in memory whole. */
@Controller("/api/v1/files")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = Application.BEARER)
@SecurityRequirement(name = Application.API_KEY)
@Tag(name = "Files", description = "Upload documents")
final class FileController {

    private static final String NO_FILE = "The request has no file. Send the document as a multipart part named 'file'.";

    private static final String PLAIN_FIELD = " The part named `file` is a plain form field; send it as a file "
            + "(with a filename), as `curl -F file=@report.pdf` does.";

    private final IngestionService ingestion;
    private final Problems problems;

    FileController(IngestionService ingestion, Problems problems) {
        this.ingestion = ingestion;
        this.problems = problems;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Upload a document",
            description = "Accepts PDF, DOCX, HTML, Markdown, plain text and JSON, detected from the bytes. "
                    + "The file is stored and the document appears in GraphQL at once with status PROCESSING; a "
                    + "job (GET /api/v1/jobs/{jobId}) extracts its text and moves it to READY, or to FAILED with "
                    + "the reason. The same bytes uploaded again by the same user answer 200 with the existing "
                    + "document (`duplicateOf`) and store nothing.")
    @IngestResponses
    @ApiResponse(responseCode = "400", description = "No file, an empty one, more than one, or an unknown visibility",
            content = @Content(mediaType = "application/problem+json"))
    HttpResponse<UploadResponse> upload(
            @Part("file") @Schema(type = "string", format = "binary") Publisher<StreamingFileUpload> file,
            @Parameter(description = "PRIVATE (default): only you can see it; PUBLIC: every signed-in user can")
            @QueryValue @Nullable String visibility,
            Authentication authentication) {
        Visibility chosen = VisibilityParameter.parse(visibility, InvalidUpload::new);
        // One element at a time: the second file, if any, is only looked for once the first has been read.
        Iterator<StreamingFileUpload> uploads = Flux.from(file).toIterable(1).iterator();
        StreamingFileUpload first = first(uploads);
        UploadAccepted accepted;
        try (InputStream body = new SinglePart(first.asInputStream(), uploads)) {
            accepted = ingestion.ingestUpload(Callers.fromAuthentication(authentication), chosen,
                    first.getFilename(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
        UploadResponse response = UploadResponse.of(accepted);
        return accepted.duplicate() ? HttpResponse.ok(response) : HttpResponse.accepted().body(response);
    }

    /**
     * Micronaut (4.10) fails with a ClassCastException while binding a part named {@code file} that is
     * a plain form field, before this controller runs; this handler covers this controller's routes only.
     */
    @Error(exception = ClassCastException.class)
    HttpResponse<?> fileSentAsPlainField(HttpRequest<?> request, ClassCastException e) {
        if (String.valueOf(e.getMessage()).contains("multipart.FileUpload")) {
            return problems.of(request, HttpStatus.BAD_REQUEST, e, NO_FILE + PLAIN_FIELD);
        }
        return problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, e, "");
    }

    private static StreamingFileUpload first(Iterator<StreamingFileUpload> uploads) {
        if (!uploads.hasNext()) {
            throw new InvalidUpload(NO_FILE);
        }
        return uploads.next();
    }
}
