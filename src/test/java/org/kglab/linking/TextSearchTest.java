package org.kglab.linking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextSearchTest {

    @Test
    void findsWholeWordsOnly() {
        assertThat(TextSearch.occurrences("BERT and RoBERTa; BERT.", "BERT", 10)).containsExactly(0, 18);
    }

    @Test
    void ignoresCaseOnlyWhenTheExactSpellingIsAbsent() {
        assertThat(TextSearch.occurrences("Deep learning, deep learning", "deep learning", 10)).containsExactly(15);
        assertThat(TextSearch.occurrences("Deep learning works", "deep learning", 10)).containsExactly(0);
    }

    @Test
    void stopsAtTheBound() {
        assertThat(TextSearch.occurrences("x x x x x", "x", 2)).containsExactly(0, 2);
    }

    @Test
    void findsNothingForAnEmptyName() {
        assertThat(TextSearch.occurrences("text", "", 5)).isEmpty();
    }
}
