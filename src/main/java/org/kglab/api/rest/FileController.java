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
import org.kglab.documents.Document;
import org.kglab.documents.Visibility;
import org.kglab.identity.access.Callers;
import org.kglab.ingestion.IngestionService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;

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
                    + "The text is extracted and the document stored; it then appears in GraphQL and, "
                    + "moments later, in the graph.")
    @ApiResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token or API key", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An API key without the INGEST scope", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "400", description = "No file, an empty one, more than one, or an unknown visibility",
            content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Larger than the upload limit", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Not a supported type", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Corrupt or encrypted document, or one that exceeds the bounds "
            + "on extraction (time, memory, expansion)", content = @Content(
            mediaType = "application/problem+json"))
    HttpResponse<UploadResponse> upload(
            @Part("file") @Schema(type = "string", format = "binary") Publisher<StreamingFileUpload> file,
            @Parameter(description = "PRIVATE (default): only you can see it; PUBLIC: every signed-in user can")
            @QueryValue @Nullable String visibility,
            Authentication authentication) {
        Visibility chosen = visibility(visibility);
        // One element at a time: the second file, if any, is only looked for once the first has been read.
        Iterator<StreamingFileUpload> uploads = Flux.from(file).toIterable(1).iterator();
        StreamingFileUpload first = first(uploads);
        Document document;
        try (InputStream body = new SinglePart(first.asInputStream(), uploads)) {
            document = ingestion.ingestUpload(Callers.fromAuthentication(authentication), chosen,
                    first.getFilename(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
        return HttpResponse.created(UploadResponse.of(document));
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

    private static Visibility visibility(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Visibility.PRIVATE;
        }
        return Arrays.stream(Visibility.values())
                .filter(v -> v.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidUpload("visibility must be one of "
                        + Arrays.stream(Visibility.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + "; it was \"" + abbreviate(value) + "\"."));
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
