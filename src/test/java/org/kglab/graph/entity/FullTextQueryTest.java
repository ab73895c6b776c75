package org.kglab.graph.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FullTextQueryTest {

    @Test
    void everyWordMustMatchWholeOrAsAPrefix() {
        assertThat(FullTextQuery.of("Marie Cur")).isEqualTo("(marie OR marie*) AND (cur OR cur*)");
    }

    @Test
    void operatorsAreWordsAndSyntaxIsEscaped() {
        assertThat(FullTextQuery.of("cats AND dogs")).isEqualTo("(cats OR cats*) AND (and OR and*) AND (dogs OR dogs*)");
        assertThat(FullTextQuery.of("C++")).isEqualTo("(c\\+\\+ OR c\\+\\+*)");
        assertThat(FullTextQuery.escape("a:b*c?(d)\"e\\f/g~h^i[j]{k}!l&m|n-o"))
                .isEqualTo("a\\:b\\*c\\?\\(d\\)\\\"e\\\\f\\/g\\~h\\^i\\[j\\]\\{k\\}\\!l\\&m\\|n\\-o");
    }

    @Test
    void refusesEmptyAndOverlongQueries() {
        assertThatThrownBy(() -> FullTextQuery.of(" ?! ")).isInstanceOf(InvalidEntityInput.class);
        assertThatThrownBy(() -> FullTextQuery.of("x".repeat(201))).isInstanceOf(InvalidEntityInput.class);
        assertThatThrownBy(() -> FullTextQuery.of("a b c d e f g h i j k")).hasMessageContaining("11 words");
    }
}
