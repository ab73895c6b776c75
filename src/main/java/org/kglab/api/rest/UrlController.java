package org.kglab.api.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kglab.Application;
import org.kglab.identity.access.Callers;
import org.kglab.ingestion.UploadAccepted;
import org.kglab.ingestion.web.UrlIngestion;


/** Ingesting a web page or file by its URL. */
@Controller("/api/v1/urls")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = Application.BEARER)
@SecurityRequirement(name = Application.API_KEY)
@Tag(name = "URLs", description = "Fetch and ingest documents from the web")
final class UrlController {

    private final UrlIngestion urls;

    UrlController(UrlIngestion urls) {
        this.urls = urls;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Ingest a URL",
            description = "Fetches the URL (http or https, public addresses only unless KGLAB_FETCH_ALLOW lists the "
                    + "host; redirects followed and checked, at most 5) and accepts what it finds as your document, "
                    + "PROCESSING, with the job that ingests it like an upload: a web page reduced to its main "
                    + "content, or a PDF, DOCX, Markdown, text or JSON file.")
    @IngestResponses
    @ApiResponse(responseCode = "400", description = "Not an http(s) URL, an address that may not be fetched, "
            + "or a page that answered with an error", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "The site timed out or could not be reached",
            content = @Content(mediaType = "application/problem+json"))
    HttpResponse<UploadResponse> ingest(@Body UrlRequest request, Authentication authentication) {
        if (request.url() == null || request.url().isBlank()) {
            throw new InvalidUrlRequest("The body needs a \"url\": {\"url\": \"https://…\", \"visibility\": \"PRIVATE\"}.");
        }
        UploadAccepted accepted = urls.ingestUrl(Callers.fromAuthentication(authentication),
                VisibilityParameter.parse(request.visibility(), InvalidUrlRequest::new), request.url());
        UploadResponse response = UploadResponse.of(accepted);
        return accepted.duplicate() ? HttpResponse.ok(response) : HttpResponse.accepted().body(response);
    }

    /** What to fetch, and who may see the result. */
    @Serdeable
    record UrlRequest(@Schema(description = "An http or https URL") @Nullable String url,
                      @Schema(description = "PRIVATE (default) or PUBLIC") @Nullable String visibility) {
    }
}
