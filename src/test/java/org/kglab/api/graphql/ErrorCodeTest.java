package org.kglab.api.graphql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.kglab.platform.Failure.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindOfFailureHasAClassificationOtherThanInternal(Kind kind) {
        assertThat(ErrorCode.of(kind)).isNotEqualTo(ErrorCode.INTERNAL);
    }

    @ParameterizedTest
    @CsvSource({"BAD_REQUEST, BAD_REQUEST", "UNAUTHENTICATED, UNAUTHENTICATED", "FORBIDDEN, FORBIDDEN",
            "NOT_FOUND, NOT_FOUND", "CONFLICT, CONFLICT", "RATE_LIMITED, RATE_LIMITED", "UNAVAILABLE, UNAVAILABLE",
            "PAYLOAD_TOO_LARGE, BAD_REQUEST", "UNSUPPORTED_MEDIA_TYPE, BAD_REQUEST", "UNPROCESSABLE, BAD_REQUEST"})
    void classifiesEachKindAsClientsAreTold(Kind kind, ErrorCode expected) {
        assertThat(ErrorCode.of(kind)).isEqualTo(expected);
    }
}
