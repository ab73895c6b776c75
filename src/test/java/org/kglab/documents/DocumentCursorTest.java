package org.kglab.documents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kglab.platform.paging.Cursors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentCursorTest {

    @Test
    void namesTheCreationTimeAndIdOfADocument() {
        Instant at = Instant.parse("2026-11-22T10:15:30.123456Z");
        UUID id = UUID.randomUUID();
        var document = new Document(id, "t", "text/plain", 1, "00", UUID.randomUUID(), Visibility.PRIVATE, 1L, at,
                false, false, DocumentStatus.READY, null);
        assertThat(DocumentCursor.decode(DocumentCursor.of(document))).isEqualTo(new Cursors.TimeAndId(at, id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm90LWEtY3Vyc29y", "ZDE6MTIzOm5vdC1hLXV1aWQ",
            "ZDE6MTIzOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA"})
    void rejectsWhatItDidNotIssueOrIssuedInAnEarlierFormat(String cursor) {
        assertThatThrownBy(() -> DocumentCursor.decode(cursor))
                .isInstanceOf(InvalidCursor.class)
                .hasMessageContaining("Pass the endCursor of a previous page");
    }

    @Test
    void rejectsACursorOfAnotherList() {
        assertThatThrownBy(() -> DocumentCursor.decode(Cursors.encode("ann@example.org")))
                .isInstanceOf(InvalidCursor.class);
    }

    @Test
    void rejectsATimeOutOfRange() {
        String far = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("k1:t:" + Long.MAX_VALUE + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DocumentCursor.decode(far)).isInstanceOf(InvalidCursor.class);
    }

    @Test
    void abbreviatesLongCursorsInItsMessage() {
        assertThatThrownBy(() -> DocumentCursor.decode("x".repeat(10_000)))
                .isInstanceOf(InvalidCursor.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
