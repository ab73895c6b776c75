package org.kglab.ingestion;

import org.junit.jupiter.api.Test;
import org.kglab.chunks.Heading;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownHeadingsTest {

    @Test
    void findsAtxHeadingsWithTheirLevelsAndOffsets() {
        String text = "# Title\nIntro.\n\n## Part A ##\nText.\n   ### Deep\n####### Not a heading\n#NoSpace\n";

        List<Heading> headings = MarkdownHeadings.of(text);

        assertThat(headings).containsExactly(
                new Heading(1, "Title", 0),
                new Heading(2, "Part A", text.indexOf("## Part A")),
                new Heading(3, "Deep", text.indexOf("### Deep")));
    }

    @Test
    void ignoresHashesInsideFencedCode() {
        String text = "# Real\n```sh\n# a shell comment\n```\n~~~\n# also code\n~~~\n## After";

        assertThat(MarkdownHeadings.of(text)).extracting(Heading::text).containsExactly("Real", "After");
    }

    @Test
    void handlesWindowsLineEndingsAndEmptyHeadings() {
        String text = "# One\r\nBody\r\n#   \r\n## Two\r\n";

        assertThat(MarkdownHeadings.of(text)).containsExactly(new Heading(1, "One", 0),
                new Heading(2, "Two", text.indexOf("## Two")));
    }

    @Test
    void findsSetextHeadingsUnderlinedWithEqualsOrDashes() {
        String text = "Title\n=====\nIntro.\n\nSub part\n---\nText.\n\n  Indented sub\n  ==  \n";

        assertThat(MarkdownHeadings.of(text)).containsExactly(
                new Heading(1, "Title", 0),
                new Heading(2, "Sub part", text.indexOf("Sub part")),
                new Heading(1, "Indented sub", text.indexOf("Indented sub")));
    }

    @Test
    void aSetextHeadingTakesTheWholeParagraphAboveIt() {
        String text = "Intro.\n\nA heading that\nruns over two lines\n===\nBody.";

        assertThat(MarkdownHeadings.of(text)).containsExactly(
                new Heading(1, "A heading that runs over two lines", text.indexOf("A heading")));
    }

    @Test
    void dashesWithNoParagraphAboveAreAThematicBreak() {
        String text = "# Top\n\nParagraph.\n\n---\n\nMore.\n***\n---\n## After\n---";

        assertThat(MarkdownHeadings.of(text)).containsExactly(new Heading(1, "Top", 0),
                new Heading(2, "After", text.indexOf("## After")));
    }

    @Test
    void underlinesOfListItemsQuotesCodeAndSpacedDashesMakeNoHeading() {
        String text = "- item\n---\n> quoted\n===\n\n    indented code\n---\n\nWords\n- - -\n"
                + "```\nin code\n===\n```\nReal\n===";

        assertThat(MarkdownHeadings.of(text)).containsExactly(new Heading(1, "Real", text.lastIndexOf("Real")));
    }

    @Test
    void windowsLineEndingsAndFrontMatterAreHandled() {
        String text = "---\ntitle: Notes\n---\nHeading\r\n-------\r\nBody\r\n";

        assertThat(MarkdownHeadings.of(text)).containsExactly(new Heading(2, "Heading", text.indexOf("Heading")));
    }

    @Test
    void keepsAtMostTheBoundedNumberOfHeadings() {
        String text = "# h\n".repeat(StructureRecorder.MAX_HEADINGS + 5);

        assertThat(MarkdownHeadings.of(text)).hasSize(StructureRecorder.MAX_HEADINGS);
    }
}
