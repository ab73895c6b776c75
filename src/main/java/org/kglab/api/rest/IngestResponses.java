package org.kglab.api.rest;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answers that every route taking in a document gives (a file upload, a URL): documented once here, as a
 * Micronaut stereotype, and merged by the OpenAPI generator with the route's own (its 400 and what else it adds).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "202", description = "Accepted: the document is PROCESSING; follow its job "
        + "(GET /api/v1/jobs/{jobId})", content = @Content(schema = @Schema(implementation = UploadResponse.class)))
@ApiResponse(responseCode = "200", description = "You hold these bytes already: `duplicateOf` is that document, "
        + "and nothing is stored", content = @Content(schema = @Schema(implementation = UploadResponse.class)))
@ApiResponse(responseCode = "401", description = "No valid access token or API key",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "An API key without the INGEST scope",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "413", description = "Larger than the upload limit",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "415", description = "Content of a type that is not ingested",
        content = @Content(mediaType = "application/problem+json"))
@interface IngestResponses {
}
