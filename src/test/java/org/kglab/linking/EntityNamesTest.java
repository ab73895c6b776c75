package org.kglab.linking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EntityNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Geoffrey Hinton|geoffrey hinton",
            "GEOFFREY HINTON|geoffrey hinton",
            "Google's|google",
            "Google\u2019s|google",
            "Cavendish Laboratories'|cavendish laboratories",
            "The Transformer|transformer",
            "the University of Toronto|university of toronto",
            "\"BERT\"|bert",
            "(ImageNet)|imagenet",
            "U.S.|us",
            "GPT-3|gpt-3",
            "GPT \u2013 3|gpt-3",
            "self\u2010attention|self-attention",
            "C++|c++",
            "Ｂｅｒｔ|bert",
            "Veličković|veličković",
            "Theory of Mind|theory of mind",
    })
    void normalisesCaseWhitespacePossessivesAndPunctuation(String name, String normalised) {
        assertThat(EntityNames.normalize(name)).isEqualTo(normalised);
    }

    @Test
    void collapsesEveryRunOfWhitespace() {
        assertThat(EntityNames.normalize("  Geoffrey \t\n\u00a0 Hinton  ")).isEqualTo("geoffrey hinton");
    }

    @ParameterizedTest
    @CsvSource({"a,false", "42,false", "--,false", "ab,true", "R2,true"})
    void aNameNeedsTwoCharactersAndALetter(String normalised, boolean nameLike) {
        assertThat(EntityNames.isNameLike(normalised)).isEqualTo(nameLike);
    }
}
