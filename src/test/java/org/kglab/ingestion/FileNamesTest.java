package org.kglab.ingestion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource({
            "report.pdf, report.pdf",
            "C:\\Users\\me\\report.pdf, report.pdf",
            "/home/me/notes.md, notes.md",
            "'  spaced.txt  ', spaced.txt"})
    void keepsOnlyTheName(String raw, String expected) {
        assertThat(FileNames.clean(raw)).isEqualTo(expected);
    }

    @Test
    void dropsControlCharacters() {
        assertThat(FileNames.clean("evil\r\nname\u0000.txt")).isEqualTo("evilname.txt");
    }

    @Test
    void boundsTheLength() {
        assertThat(FileNames.clean("a".repeat(1_000))).hasSize(255);
    }

    @Test
    void treatsAMissingNameAsEmpty() {
        assertThat(FileNames.clean(null)).isEmpty();
    }
}
