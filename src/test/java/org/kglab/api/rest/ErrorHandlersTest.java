package org.kglab.api.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kglab.platform.Failure.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlersTest {

    @ParameterizedTest
    @CsvSource({"BAD_REQUEST, 400", "UNAUTHENTICATED, 401", "FORBIDDEN, 403", "NOT_FOUND, 404", "CONFLICT, 409",
            "RATE_LIMITED, 429", "UNAVAILABLE, 503", "PAYLOAD_TOO_LARGE, 413", "UNSUPPORTED_MEDIA_TYPE, 415",
            "UNPROCESSABLE, 422"})
    void answersEachKindOfFailureWithItsStatus(Kind kind, int status) {
        assertThat(ErrorHandlers.status(kind).getCode()).isEqualTo(status);
    }
}
