package org.kglab.graph.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Test
    void foldsCaseAccentsPunctuationAndSpaces() {
        assertThat(Names.normalise("  Marie   Curie ")).isEqualTo("marie curie");
        assertThat(Names.normalise("Émile Durkheim")).isEqualTo("emile durkheim");
        assertThat(Names.normalise("knowledge-graph")).isEqualTo("knowledge graph");
        assertThat(Names.normalise("Ｆｕｌｌ Width")).isEqualTo("full width");
        assertThat(Names.normalise("U.S.A.")).isEqualTo("u s a");
    }

    @Test
    void keepsWhatTellsNamesApart() {
        assertThat(Names.normalise("C++")).isEqualTo("c++");
        assertThat(Names.normalise("C#")).isNotEqualTo(Names.normalise("C"));
        assertThat(Names.normalise("東京")).isEqualTo("東京");
    }

    @Test
    void aNameOfPunctuationAloneNormalisesToNothing() {
        assertThat(Names.normalise("!?.")).isEmpty();
    }

    @Test
    void tidyKeepsCaseAndPunctuation() {
        assertThat(Names.tidy("  Marie \t Curie. ")).isEqualTo("Marie Curie.");
    }
}
