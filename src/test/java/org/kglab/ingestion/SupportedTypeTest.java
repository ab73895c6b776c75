package org.kglab.ingestion;

import org.apache.tika.mime.MediaType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SupportedTypeTest {

    @ParameterizedTest
    @CsvSource({
            "application/pdf, paper.txt, PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document, x.bin, DOCX",
            "text/html; charset=UTF-8, page.txt, HTML",
            "application/xhtml+xml, page, HTML",
            "application/json, data, JSON",
            "text/plain, notes.md, MARKDOWN",
            "text/plain, NOTES.MARKDOWN, MARKDOWN",
            "text/plain, data.json, JSON",
            "text/plain, notes.txt, TEXT",
            "text/plain, '', TEXT"})
    void decidesFromTheBytesAndRefinesPlainTextByName(String detected, String fileName, SupportedType expected) {
        assertThat(SupportedType.of(MediaType.parse(detected), fileName)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"image/png, picture.md", "application/zip, report.docx", "application/octet-stream, notes.txt",
            "application/x-msdownload, paper.pdf"})
    void refusesEverythingElseWhateverItsName(String detected, String fileName) {
        assertThat(SupportedType.of(MediaType.parse(detected), fileName)).isEmpty();
    }
}
