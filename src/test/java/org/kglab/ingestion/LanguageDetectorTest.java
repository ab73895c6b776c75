package org.kglab.ingestion;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageDetectorTest {

    private LanguageDetector detector;

    @BeforeAll
    void loadTheModelOnce() {
        detector = new LanguageDetector();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | Knowledge graphs link entities across documents, so that researchers find related work faster.",
            "de | Wissensgraphen verbinden Entitäten über Dokumente hinweg und erleichtern so die Forschung.",
            "fr | Les graphes de connaissances relient les entités entre les documents et facilitent la recherche.",
            "es | Los grafos de conocimiento conectan entidades entre documentos y facilitan la investigación.",
            "ru | Графы знаний связывают сущности в документах и облегчают поиск связанных исследований.",
            "zh | 知识图谱将不同文档中的实体连接起来，使研究人员能够更快地找到相关的研究工作。",
    })
    void namesTheLanguageOfASentenceByItsTwoLetterCode(String expected, String text) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }

    @Test
    void isUnsureOfTooShortATextAndOfNoText() {
        assertThat(detector.detect("Hola")).isNull();
        assertThat(detector.detect("ok, 42")).isNull();
        assertThat(detector.detect("")).isNull();
        assertThat(detector.detect("1234 5678 9012 3456 7890 !!! ??? ... 2026-12-02")).isNull();
    }

    @Test
    void readsOnlyTheStartOfAVeryLongText() {
        String english = "Knowledge graphs link entities across documents and papers. ";
        String text = english.repeat(LanguageDetector.SAMPLE_CHARS / english.length() + 1)
                + "Wissensgraphen verbinden Entitäten über Dokumente hinweg. ".repeat(10_000);
        assertThat(detector.detect(text)).isEqualTo("en");
    }
}
