package org.kglab.api.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.swagger.v3.oas.annotations.Hidden;
import org.kglab.documents.DocumentAccessDenied;
import org.kglab.documents.DocumentNotFound;
import org.kglab.documents.InvalidDocumentId;
import org.kglab.identity.NotPermitted;
import org.kglab.ingestion.EmptyUpload;
import org.kglab.ingestion.ExtractionFailed;
import org.kglab.ingestion.UnsupportedFileType;
import org.kglab.ingestion.UploadTooLarge;
import org.kglab.ingestion.UploadProperties;

/** Maps the features' outcomes to HTTP statuses, once, at the edge. */
@Controller
@Hidden
final class ErrorHandlers {

    private final Problems problems;
    private final UploadProperties upload;

    ErrorHandlers(Problems problems, UploadProperties upload) {
        this.problems = problems;
        this.upload = upload;
    }

    @Error(global = true)
    HttpResponse<?> tooLarge(HttpRequest<?> request, UploadTooLarge e) {
        return problems.of(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, e, e.getMessage());
    }

    /** The server refused a body whose declared length is past its ceiling, before reading it. */
    @Error(global = true)
    HttpResponse<?> bodyTooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        long declared = request.getContentLength();
        var tooLarge = declared > upload.maxBytes()
                ? new UploadTooLarge(declared, upload.maxBytes())
                : UploadTooLarge.overLimit(upload.maxBytes());
        return problems.of(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge, tooLarge.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> invalidUpload(HttpRequest<?> request, InvalidUpload e) {
        return problems.of(request, HttpStatus.BAD_REQUEST, e, e.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> empty(HttpRequest<?> request, EmptyUpload e) {
        return problems.of(request, HttpStatus.BAD_REQUEST, e, e.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> unsupported(HttpRequest<?> request, UnsupportedFileType e) {
        return problems.of(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e, e.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> unreadable(HttpRequest<?> request, ExtractionFailed e) {
        return problems.of(request, HttpStatus.UNPROCESSABLE_ENTITY, e, e.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> invalidId(HttpRequest<?> request, InvalidDocumentId e) {
        return problems.of(request, HttpStatus.BAD_REQUEST, e, e.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> forbidden(HttpRequest<?> request, DocumentAccessDenied e) {
        return problems.of(request, HttpStatus.FORBIDDEN, e, e.getMessage());
    }

    /** An API key without the scope the route needs (uploads need INGEST). */
    @Error(global = true)
    HttpResponse<?> notPermitted(HttpRequest<?> request, NotPermitted e) {
        return problems.of(request, HttpStatus.FORBIDDEN, e, e.getMessage());
    }

    @Error(global = true)
    HttpResponse<?> notFound(HttpRequest<?> request, DocumentNotFound e) {
        return problems.of(request, HttpStatus.NOT_FOUND, e, e.getMessage());
    }
}
