package org.kglab.documents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentCursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        var cursor = new DocumentCursor(Instant.parse("2026-11-22T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(DocumentCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void roundTripsInstantsBeforeTheEpoch() {
        var cursor = new DocumentCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), UUID.randomUUID());
        assertThat(DocumentCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void isUrlSafe() {
        var cursor = new DocumentCursor(Instant.now(), UUID.randomUUID()).encode();
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm90LWEtY3Vyc29y", "ZDE6MTIzOm5vdC1hLXV1aWQ", "ZDI6MTIzOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA"})
    void rejectsWhatItDidNotIssue(String cursor) {
        assertThatThrownBy(() -> DocumentCursor.decode(cursor))
                .isInstanceOf(InvalidCursor.class)
                .hasMessageContaining("Pass the endCursor of a previous page");
    }

    @Test
    void rejectsAnUnknownVersion() {
        String other = Base64.getUrlEncoder().encodeToString(("d9:1:" + UUID.randomUUID()).getBytes());
        assertThatThrownBy(() -> DocumentCursor.decode(other)).isInstanceOf(InvalidCursor.class);
    }

    @Test
    void abbreviatesLongCursorsInItsMessage() {
        assertThatThrownBy(() -> DocumentCursor.decode("x".repeat(10_000)))
                .isInstanceOf(InvalidCursor.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
