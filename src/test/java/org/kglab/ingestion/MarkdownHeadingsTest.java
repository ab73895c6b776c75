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
    void keepsAtMostTheBoundedNumberOfHeadings() {
        String text = "# h\n".repeat(StructureRecorder.MAX_HEADINGS + 5);

        assertThat(MarkdownHeadings.of(text)).hasSize(StructureRecorder.MAX_HEADINGS);
    }
}
