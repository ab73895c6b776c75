package org.kglab.ingestion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitlesTest {

    @Test
    void takesTheFirstAtxHeadingWithoutItsMarkers() {
        assertThat(Titles.firstHeading("Intro line\n\n## Graphs and Links ##\n\n# Later")).contains("Graphs and Links");
    }

    @Test
    void takesASetextHeading() {
        assertThat(Titles.firstHeading("Knowledge Graphs\n================\n\nBody")).contains("Knowledge Graphs");
    }

    @Test
    void ignoresHashesInsideFencedCode() {
        assertThat(Titles.firstHeading("```\n# not a heading\n```\n# Real Title")).contains("Real Title");
    }

    @Test
    void findsNoneInPlainProse() {
        assertThat(Titles.firstHeading("#hashtag is not a heading\njust words")).isEmpty();
    }
}
