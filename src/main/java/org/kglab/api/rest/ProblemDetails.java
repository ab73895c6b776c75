package org.kglab.api.rest;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/** An RFC 9457 problem document. */
@Serdeable
record ProblemDetails(String type, String title, int status, String detail, @Nullable String instance) {

    static final String MEDIA_TYPE = "application/problem+json";
}
